/** What every Quarry module shares: categorised errors, secret scrubbing, console logging and name suggestions. */
package dev.quarry.core;
