package org.ztfclass.votables.crossmatch;

/** Where in the spectrum a catalogue measures: optical/infrared magnitudes or radio flux densities. */
public enum Waveband {
    /** Optical and infrared catalogues: magnitudes. */
    OPTICAL,
    /** Radio catalogues: flux densities at a stated frequency. */
    RADIO
}
