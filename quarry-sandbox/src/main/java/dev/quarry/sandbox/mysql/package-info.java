/** The sandbox's MySQL wire protocol server (the FE query port): handshake, authentication, COM_QUERY. */
package dev.quarry.sandbox.mysql;
