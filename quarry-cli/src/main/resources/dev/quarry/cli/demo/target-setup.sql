create database if not exists demo_postgres_starrocks
