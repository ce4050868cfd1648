/**
 * Pure functions of domain records: feature extraction, classifiers (XGBoost, LSTM, CNN, fusion),
 * calibration and evaluation. Depends on {@code votables} only and knows nothing of the server.
 * The classifier issue fills this module; the Foundation issue only creates it so that the
 * module graph {@code votables <- models <- server} builds from the start.
 */
package org.ztfclass.models;
