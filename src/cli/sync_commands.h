// tousu-cli export / import (sync bundles between offices), the interchange exports (TMF621, CSV)
// the review report and the customer notice.
#pragma once
#include "cli/args.h"

namespace tousu::cli {

int cmdExport(const Args& a);
int cmdImport(const Args& a);
int cmdExportTmf(const Args& a);
int cmdExportCsv(const Args& a);
int cmdReport(const Args& a);
int cmdNotice(const Args& a);
int cmdPrintCase(const Args& a);
int cmdReplicate(const Args& a);    // cli/replicate.cpp
int cmdCouchdbSetup(const Args& a); // cli/couchdb_setup.cpp

} // namespace tousu::cli
