/**
 * Desktop side of ztfclass: the SAMP bridge and the TOPCAT plugin. Depends on {@code votables}
 * only and reaches the server over HTTP, never by importing {@code server}. The VO issue fills
 * this module; the Foundation issue only creates it so that the build has its final shape.
 */
package org.ztfclass.plugin;
