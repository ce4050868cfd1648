/**
 * Desktop side of ztfclass: the SAMP bridge and the TOPCAT plugin. Depends on {@code votables}
 * only and reaches the server over HTTP, never by importing {@code server}: {@code samp} holds the
 * SAMP bridge (one handler per MType), {@code server} the HTTP client. The TOPCAT plugin (JEL
 * functions, table scheme) is still to come.
 */
package org.ztfclass.plugin;
