// Throughput benchmark of the text checker (single thread): generates German and
// English corpora from a fixed seed (bench/out/, not committed), checks them in
// 1 MB blocks split at line ends, and prints MB/s, peak RSS and the 10 MB vs
// 100 MB time ratio. `--file PATH --lang en --repeat N` times one given file
// (used by bench/run for the side-by-side comparison with alex).
// `--compare-stream PATH --lang de|en` checks that the streamed findings (the
// CLI's path) equal those of the whole text.
#include <sys/resource.h>

#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "text/checker.h"
#include "text/stream.h"

namespace {

using solipraxis::text::CheckOptions;
using solipraxis::text::Lang;

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  template <std::size_t N>
  const char* pick(const char* const (&a)[N]) { return a[next() % N]; }
};

const char* const kDeSubjects[] = {
    "Die Mitarbeiter", "Unsere Mitarbeitenden", "Viele Ehrenamtliche", "Die Teilnehmer:innen",
    "Jeder Bewohner", "Die Softwareentwickler", "Das Team", "Frau Becker", "Herr Wagner",
    "Die Kursleiterinnen und Kursleiter", "Unsere Unterstützer", "Der Vorstand",
    "Die Studierenden", "Einige Kollegen", "Die Bildungsreferenten", "Unsere Spender*innen",
    "Die Kandidaten", "Der Verein", "Die Ärzte", "Das Kollegium", "Die Nutzer",
    "Die Arbeitsgruppe", "Wir", "Die Geschäftsstelle", "Unsere Initiative", "Das Netzwerk",
    "Die Beratungsstelle", "Der Landesverband", "Unser Projekt", "Die Redaktion", "Ihr",
    "Die Werkstatt", "Das Bündnis", "Die Jugendgruppe", "Die Leitung", "Der Ausschuss"};
const char* const kDeVerbs[] = {"besprechen", "planen", "prüfen", "unterstützen", "erklären",
                                "verbessern", "dokumentieren", "begleiten", "diskutieren",
                                "gestalten"};
const char* const kDeObjects[] = {
    "den neuen Förderantrag", "die Regeln für den Einsatz von KI", "unsere Werte",
    "die Barrierefreiheit der Website", "das Protokoll der letzten Sitzung",
    "die Wünsche der Bewohner", "einen Leitfaden in einfacher Sprache",
    "die Ergebnisse der Umfrage unter den Wählerinnen und Wählern", "den Kalender",
    "die Erfahrungen der Forschenden", "die Datenschutzerklärung"};
const char* const kDeTails[] = {
    "", "", " am 3. Mai", " z. B. mit einer Checkliste", " gemeinsam mit den Nutzern",
    ", bevor die Entscheidung getroffen wird", " auf https://beispiel.org/ki", " bzw. im Plenum",
    ", weil die Verantwortung bei uns allen liegt", " mit Unterstützung der Berater",
    " und danken allen Unterstützern für ihre Hilfe", ", sodass die Qualität der Beratung steigt"};

const char* const kEnSubjects[] = {
    "The chairman", "Our volunteers", "The team", "Every member", "The staff",
    "The spokesperson", "Our partners", "The firefighters", "The board", "Many people",
    "The foreman", "Our users", "The community", "The researchers", "We", "The working group",
    "Our office", "The network", "The editorial team", "The committee", "Our project",
    "The alliance", "The youth group", "The management", "You"};
const char* const kEnVerbs[] = {"discuss", "review", "support", "explain", "improve", "document",
                                "plan", "share", "evaluate", "design"};
const char* const kEnObjects[] = {
    "the new funding proposal", "the rules for using AI", "our values", "the accessibility report",
    "the minutes of the last meeting", "the wishes of the residents", "a guide in plain language",
    "the results of the survey", "the man-hours of the project", "the needs of the disabled",
    "the privacy policy"};
const char* const kEnTails[] = {
    "", "", " on 3 May", " e.g. with a checklist", " together with the users",
    ", before the decision is made", " at https://example.org/ai", " in the plenary",
    ", because responsibility lies with all of us", " with help from the advisers",
    " and thank everyone for their help", ", so that the quality of the advice improves"};

std::string sentence(Rng& r, bool de) {
  std::string s = de ? r.pick(kDeSubjects) : r.pick(kEnSubjects);
  s += ' ';
  s += de ? r.pick(kDeVerbs) : r.pick(kEnVerbs);
  s += ' ';
  s += de ? r.pick(kDeObjects) : r.pick(kEnObjects);
  s += de ? r.pick(kDeTails) : r.pick(kEnTails);
  s += (r.next() % 10 == 0) ? "?" : ".";
  return s;
}

// Writes about `bytes` of text to path (paragraphs of 3-7 sentences).
void generate(const std::string& path, std::size_t bytes, bool de, std::uint64_t seed) {
  std::ofstream out(path, std::ios::binary);
  Rng r{seed};
  std::string para;
  std::size_t written = 0;
  while (written < bytes) {
    para.clear();
    const int n = 3 + static_cast<int>(r.next() % 5);
    for (int i = 0; i < n; ++i) {
      if (i) para += ' ';
      para += sentence(r, de);
    }
    para += "\n\n";
    out << para;
    written += para.size();
  }
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// CPU time of this thread: the benchmark machine is shared, so wall time is noisy.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct RunResult {
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // thread CPU time
  std::size_t bytes = 0;
  std::size_t findings = 0;
};

// Checks the file in blocks of about 1 MB cut after a line break.
RunResult check_file(const std::string& path, Lang lang, int repeat) {
  RunResult res;
  CheckOptions options;
  options.lang = lang;
  std::ifstream in(path, std::ios::binary);
  std::string carry, block;
  std::vector<char> buf(1 << 20);
  std::vector<std::string> blocks_for_repeat;
  while (true) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0 && carry.empty()) break;
    block.assign(carry);
    block.append(buf.data(), got);
    std::size_t cut = got == 0 ? block.size() : block.rfind('\n');
    if (cut == std::string::npos) cut = block.size();
    else if (got != 0) cut += 1;
    carry.assign(block, cut, std::string::npos);
    block.resize(cut);
    for (int k = 0; k < repeat; ++k) {
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = thread_cpu_seconds();
      auto report = solipraxis::text::check_text(block, options);
      res.cpu_seconds += thread_cpu_seconds() - c0;
      res.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      res.bytes += block.size();
      if (report) res.findings += report->findings.size();
    }
    if (got == 0) break;
  }
  return res;
}

void print(const char* label, const RunResult& r) {
  const double mb = static_cast<double>(r.bytes) / 1e6;
  std::printf("%-16s %7.1f MB  cpu %7.3f s = %7.1f MB/s  (wall %7.3f s = %7.1f MB/s)  %9zu findings\n",
              label, mb, r.cpu_seconds, mb / r.cpu_seconds, r.seconds, mb / r.seconds, r.findings);
}

// Checks the file whole and streamed (1 MB and 4 KB blocks) and compares every
// finding: the streaming CLI must report what the whole-text checker reports.
int compare_stream(const std::string& path, Lang lang) {
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CheckOptions options;
  options.lang = lang;
  const auto whole = solipraxis::text::check_text(text, options);
  if (!whole) return 2;
  for (std::size_t block : {std::size_t{1} << 20, std::size_t{4096}}) {
    solipraxis::text::StreamOptions so;
    so.check = options;
    so.block_size = block;
    const auto streamed = solipraxis::text::check_text_in_blocks(text, so);
    std::size_t same = 0;
    const auto& a = whole->findings;
    const auto& b = streamed->findings;
    while (same < a.size() && same < b.size() && a[same].start == b[same].start &&
           a[same].end == b[same].end && a[same].line == b[same].line &&
           a[same].column == b[same].column && a[same].rule == b[same].rule &&
           a[same].message == b[same].message && a[same].suggestions == b[same].suggestions)
      ++same;
    const bool equal = same == a.size() && same == b.size();
    std::printf("%s, blocks of %zu bytes: %s (%zu findings whole, %zu streamed)\n", path.c_str(),
                block, equal ? "streamed == whole" : "DIFFERENT", a.size(), b.size());
    if (!equal) {
      std::printf("  first difference at finding %zu (offset %u)\n", same,
                  same < a.size() ? a[same].start : b[same].start);
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "bench/out";
  std::string file;
  Lang lang = Lang::kGerman;
  int repeat = 1;
  bool compare = false;
  std::size_t big_mb = 100;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--file") && i + 1 < argc) file = argv[++i];
    else if (!std::strcmp(argv[i], "--lang") && i + 1 < argc)
      lang = std::strcmp(argv[++i], "en") == 0 ? Lang::kEnglish : Lang::kGerman;
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--out") && i + 1 < argc) dir = argv[++i];
    else if (!std::strcmp(argv[i], "--compare-stream") && i + 1 < argc) {
      file = argv[++i];
      compare = true;
    }
    else if (!std::strcmp(argv[i], "--mb") && i + 1 < argc) big_mb = std::strtoul(argv[++i], nullptr, 10);
  }
  if (compare) return compare_stream(file, lang);
  if (!file.empty()) {
    const RunResult r = check_file(file, lang, repeat);
    print(file.c_str(), r);
    std::printf("MBPS %.3f\n", static_cast<double>(r.bytes) / 1e6 / r.cpu_seconds);
    return 0;
  }
  const std::string de10 = dir + "/corpus_de_10mb.txt", de100 = dir + "/corpus_de_big.txt";
  const std::string en = dir + "/corpus_en.txt";
  std::printf("generating corpora in %s (seed 64) ...\n", dir.c_str());
  generate(de10, std::size_t{10} << 20, true, 64);
  generate(de100, big_mb << 20, true, 64);
  generate(en, std::size_t{50} << 20, false, 65);
  // Warm up: builds the lexicons once.
  (void)solipraxis::text::check_text("Die Mitarbeiter danken.", CheckOptions{});
  const RunResult r10 = check_file(de10, Lang::kGerman, 1);
  const RunResult r100 = check_file(de100, Lang::kGerman, 1);
  const RunResult ren = check_file(en, Lang::kEnglish, 1);
  print("German 10 MB", r10);
  print("German big", r100);
  print("English 50 MB", ren);
  std::printf("cpu time ratio big/10 MB: %.2f (size ratio %.2f)\n", r100.cpu_seconds / r10.cpu_seconds,
              static_cast<double>(r100.bytes) / static_cast<double>(r10.bytes));
  std::printf("peak RSS: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}
