/** tabeval's version, recorded in every report. A unit test keeps it equal to package.json's. */
export const APP_VERSION = '0.1.0';
