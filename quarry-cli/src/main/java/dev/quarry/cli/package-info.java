/** The quarry command line: picocli commands that parse arguments, call the engines and print results. */
package dev.quarry.cli;
