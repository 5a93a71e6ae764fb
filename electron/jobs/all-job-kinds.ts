/** Loads every job kind into the registry; imported by the job worker entry. */
import './advisory-import-job';
import './registry-import-job';
import './scan-job';
