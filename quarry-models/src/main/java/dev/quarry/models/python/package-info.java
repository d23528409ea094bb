/** Python models, macros and config.py, run in a python3 subprocess through Quarry's compatibility module. */
package dev.quarry.models.python;
