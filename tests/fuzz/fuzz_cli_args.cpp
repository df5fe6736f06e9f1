// Fuzzes tousu-cli's command line: cli::run, what main() runs (cli/args.h, then each command reading
// its arguments and the files they name). Input: the arguments after "tousu-cli", one per line, e.g.
// "kpi\noffice.db\n--from\n2026-11-01". Every input runs in a scratch folder, /dev/shm (or the temp
// folder)/tousu-fuzz-<pid>-cli/work, emptied and filled again first (Scratch below).
// Nothing outside it can be named: '/' in an argument becomes '_' and "." or ".." becomes "_" (an
// argument is a plain name in the working folder), and the command runs with the scratch folder
// as its working directory (only during the command: libFuzzer's own relative paths stay as given).
// Besides ASan/UBSan — and an exception escaping a command, which would end the real CLI too — it
// checks, with __builtin_trap on failure:
//   1. the exit status is 0, 1 or 2;
//   2. a command that succeeds prints one JSON document on stdout (--help prints its usage);
//   3. a database file is left byte for byte as it was, unless it is the database of a command that
//      writes and succeeded (generate — exit 1 too, when some generated actions failed —, import
//      without --dry-run; export, export-tmf and export-csv, which write a line in the audit log), or
//      the command's output file.
// generate with more than kMaxCases cases is skipped: 10 million cases is a valid request (hours).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/gzip.h"
#include "fuzz_support.h"
#include "present/i18n.h"
#include "sync/bundle.h"
#include "sync/seal.h"

using namespace tousu;
namespace fs = std::filesystem;

namespace {

constexpr long long kMaxCases = 20;
constexpr std::size_t kMaxArguments = 24;
constexpr const char* kPassphrase = "correct horse battery staple";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    FUZZ_CHECK(in.good() || in.eof());
    return s.str();
}

// The folder the commands run in, and the files it holds before each input: office.db (office FZ01
// with two imported cases), empty.db (0 bytes), foreign.db (another program's SQLite file),
// garbage.db, bundle.json (a one-case bundle), bundle.json.gz, sealed.json (sealed with pass.txt's
// passphrase, at the fewest iterations the reader takes), pass.txt, short-pass.txt, calendar.tsv
// (assets/calendar/cn-2026.tsv), actions.txt.
struct Scratch {
    fs::path root, work;
    std::map<std::string, std::string> files;
    int stdoutFile = -1, savedStdout = -1, homeDir = -1;
    std::FILE* discard = nullptr;

    Scratch() {
        std::error_code ec;
        const fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        root =
            base / ("tousu-fuzz-" + std::to_string(::getpid()) + "-cli"); // shell/fuzz.sh removes what a crash leaves
        work = root / "work";
        fs::remove_all(root, ec);
        FUZZ_CHECK(fs::create_directories(work, ec));
        homeDir = ::open(".", O_RDONLY | O_DIRECTORY);
        stdoutFile = ::open((root / "stdout").c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
        savedStdout = ::dup(1);
        discard = std::fopen("/dev/null", "w");
        FUZZ_CHECK(homeDir >= 0 && stdoutFile >= 0 && savedStdout >= 0 && discard);

        const std::string corpus = TOUSU_SOURCE_DIR "/tests/fuzz/corpus/fuzz_bundle/";
        const std::string bundle = slurp(corpus + "case-archived.json");
        auto desk = fuzz::freshDesk();
        for (const char* seed : {"case-archived.json", "case-waits-for-customer.json"}) {
            const auto read = sync::readBundle(slurp(corpus + seed));
            FUZZ_CHECK(read.ok() && desk->app->exchange().importBundle(read.value(), true).ok());
        }
        desk->database().readInto(files["office.db"]);
        files["empty.db"] = "";
        files["garbage.db"] = std::string("SQLite format 3\0", 16) + std::string(4080, '\x5a');
        files["foreign.db"] = foreignDatabase();
        files["bundle.json"] = bundle;
        files["bundle.json.gz"] = cli::gzip(bundle);
        const auto sealed = sync::seal(bundle, kPassphrase, 1000);
        FUZZ_CHECK(sealed.ok());
        files["sealed.json"] = sync::writeSealed(sealed.value());
        files["pass.txt"] = std::string(kPassphrase) + "\n";
        files["short-pass.txt"] = "short\n";
        files["calendar.tsv"] = slurp(TOUSU_SOURCE_DIR "/assets/calendar/cn-2026.tsv");
        files["actions.txt"] = "复核计费规则\n回访满意度低的客户\n";
    }

    ~Scratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }

    // A SQLite file some other program wrote: a command must leave it alone.
    std::string foreignDatabase() {
        const fs::path path = root / "foreign.db";
        sqlite3* db = nullptr;
        FUZZ_CHECK(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        FUZZ_CHECK(sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('not ours')", nullptr, nullptr,
                                nullptr) == SQLITE_OK);
        sqlite3_close(db);
        std::string bytes = slurp(path);
        fs::remove(path);
        return bytes;
    }

    void reset() {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(work, ec)) fs::remove_all(entry.path(), ec);
        for (const auto& [name, bytes] : files) {
            std::ofstream out(work / name, std::ios::binary);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            FUZZ_CHECK(out.good());
        }
    }

    // Runs the command line in `work`, its stdout into `printed` and its stderr (error messages,
    // usage) discarded. The stderr FILE* is swapped, not file descriptor 2: sanitizer reports and
    // libFuzzer write to descriptor 2 and must still be seen. (glibc's stderr is a plain variable.)
    int run(std::vector<std::string>& arguments, std::string& printed) {
        std::vector<char*> argv;
        static char program[] = "tousu-cli";
        argv.push_back(program);
        for (std::string& a : arguments) argv.push_back(a.data());
        argv.push_back(nullptr);

        std::fflush(stdout);
        FUZZ_CHECK(::ftruncate(stdoutFile, 0) == 0 && ::lseek(stdoutFile, 0, SEEK_SET) == 0);
        FUZZ_CHECK(::dup2(stdoutFile, 1) == 1);
        std::FILE* const realStderr = stderr;
        stderr = discard;
        FUZZ_CHECK(::chdir(work.c_str()) == 0);
        const int status = cli::run(static_cast<int>(argv.size() - 1), argv.data());
        FUZZ_CHECK(::fchdir(homeDir) == 0);
        stderr = realStderr;
        std::fflush(stdout);
        FUZZ_CHECK(::dup2(savedStdout, 1) == 1);

        printed.clear();
        char buffer[4096];
        for (off_t at = 0;;) {
            const ssize_t n = ::pread(stdoutFile, buffer, sizeof buffer, at);
            FUZZ_CHECK(n >= 0);
            if (n == 0) break;
            printed.append(buffer, static_cast<std::size_t>(n));
            at += n;
        }
        return status;
    }
};

Scratch& scratch() {
    static Scratch s;
    return s;
}

// One argument per line; what the OS cannot pass (text after a NUL) is cut, and every name stays in
// the scratch folder.
std::vector<std::string> argumentsOf(std::string_view input) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= input.size() && out.size() < kMaxArguments;) {
        const std::size_t end = std::min(input.find('\n', start), input.size());
        std::string a(input.substr(start, end - start));
        a = a.substr(0, a.find('\0'));
        for (char& c : a)
            if (c == '/') c = '_';
        if (a == "." || a == "..") a = "_";
        out.push_back(std::move(a));
        start = end + 1;
    }
    return out;
}

bool endsWithDb(const std::string& name) { return name.size() >= 3 && name.compare(name.size() - 3, 3, ".db") == 0; }

} // namespace

// libFuzzer writes a crash or timeout input to -artifact_prefix, "./" unless given; the command may be
// running in the scratch folder then, so an absent prefix is made the current folder's absolute path.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static std::vector<std::string> extra;
    static std::vector<char*> args;
    bool prefixed = false;
    for (int i = 0; i < *argc; ++i)
        prefixed = prefixed || std::string_view((*argv)[i]).rfind("-artifact_prefix=", 0) == 0;
    if (!prefixed) {
        extra.push_back("-artifact_prefix=" + fs::current_path().string() + "/");
        args.assign(*argv, *argv + *argc);
        args.push_back(extra.back().data());
        args.push_back(nullptr);
        *argc += 1;
        *argv = args.data();
    }
    ::unsetenv("TOUSU_PASSPHRASE"); // passphrases come from the input's --passphrase-file only
    scratch();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> arguments = argumentsOf(std::string_view(reinterpret_cast<const char*>(data), size));
    // What the command will read, parsed as run() parses it.
    std::vector<char*> argv{nullptr};
    for (std::string& a : arguments) argv.push_back(a.data());
    const std::string name = arguments.empty() ? "" : arguments[0];
    const cli::Args args = cli::parseArgs(static_cast<int>(argv.size()), argv.data(), 2, cli::flagOptions());
    if (name == "generate" && args.integer("--cases", kMaxCases + 1, 10'000'000)) return 0;

    Scratch& s = scratch();
    s.reset();
    present::setLanguage(present::Language::ZhCN); // --lang lasts for the process
    std::string printed;
    const int status = s.run(arguments, printed);

    FUZZ_CHECK(status == 0 || status == 1 || status == 2); // 1
    bool known = false;
    for (const cli::Command* c = cli::commands(); c->name; ++c) known = known || name == c->name;
    const bool help = name == "--help" || name == "-h" || name == "help" || (known && args.help);
    if (status == 0 && !help && !nlohmann::json::accept(printed)) {
        std::fprintf(stderr, "not JSON on stdout: %.200s\n", printed.c_str());
        FUZZ_CHECK(false); // 2
    }

    // 3. Which database may have changed, and which files are outputs.
    std::string written;
    const bool writes = name == "generate" || (name == "import" && !args.has("--dry-run")) || name == "export" ||
                        name == "export-tmf" || name == "export-csv";
    if (known && !help && writes && !args.positional.empty() && (status == 0 || (name == "generate" && status == 1)))
        written = args.positional[0];
    std::vector<std::string> outputs;
    if (known && !help && args.positional.size() >= 2 && name != "import") outputs.push_back(args.positional[1]);
    if (known && !help && name == "report" && args.has("--csv")) outputs.push_back(args.get("--csv"));
    for (const auto& [file, bytes] : s.files) {
        if (!endsWithDb(file) || file == written) continue;
        if (std::find(outputs.begin(), outputs.end(), file) != outputs.end()) continue;
        std::error_code ec;
        if (!fs::exists(s.work / file, ec) || slurp(s.work / file) != bytes) {
            std::fprintf(stderr, "%s changed or removed by: %s\n", file.c_str(), name.c_str());
            FUZZ_CHECK(false);
        }
    }
    return 0;
}
