/** Unit tests of models (tests/*.yaml), run on the gateway. */
package dev.quarry.models.testing;
