// Times ways of keeping parallel cmark-gfm parsers from racing on its process-wide table of
// inline characters (issue 11), on the policies given, with the same extensions and options
// as policysite. Each variant parses, renders and frees every policy, on N threads taking
// policies in turn; prints the median of R rounds per variant and how many documents came
// out different from a one-thread render.
//
//   cc -O2 -pthread scripts/bench-support/cmark-lock-variants.c $(pkg-config --cflags --libs libcmark-gfm) \
//      -lcmark-gfm-extensions -o /tmp/cmark-lock-variants
//   /tmp/cmark-lock-variants ROUNDS THREADS FILE.md...
//
// Variants: one thread; no lock (the bug); a lock around cmark_parser_finish (the inline
// phase: policysite's fix); a lock around feed and finish (the whole parse).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum variant { ONE_THREAD, NO_LOCK, LOCK_FINISH, LOCK_PARSE, VARIANTS };
static const char *names[] = {"one thread", "no lock (before the fix)", "lock around finish (the fix)", "lock around feed + finish"};
static const char *extensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

static char **texts;
static size_t *lengths;
static char **reference;
static int count;
static atomic_int next_job;
static atomic_int wrong;
static enum variant current;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static char *render(const char *text, size_t length, enum variant variant) {
  cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
  if (variant == LOCK_PARSE) pthread_mutex_lock(&lock);
  cmark_parser_feed(parser, text, length);
  if (variant == LOCK_FINISH) pthread_mutex_lock(&lock);
  cmark_node *document = cmark_parser_finish(parser);
  if (variant == LOCK_FINISH || variant == LOCK_PARSE) pthread_mutex_unlock(&lock);
  char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  cmark_node_free(document);
  cmark_parser_free(parser);
  return html;
}

static void *worker(void *unused) {
  (void)unused;
  int job;
  while ((job = atomic_fetch_add(&next_job, 1)) < count) {
    char *html = render(texts[job], lengths[job], current);
    if (strcmp(html, reference[job]) != 0) atomic_fetch_add(&wrong, 1);
    free(html);
  }
  return NULL;
}

static double seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s ROUNDS THREADS FILE.md...\n", argv[0]);
    return 64;
  }
  int rounds = atoi(argv[1]), threads = atoi(argv[2]);
  count = argc - 3;
  texts = calloc(count, sizeof *texts);
  lengths = calloc(count, sizeof *lengths);
  reference = calloc(count, sizeof *reference);
  cmark_gfm_core_extensions_ensure_registered();
  for (int i = 0; i < count; i++) {
    FILE *file = fopen(argv[i + 3], "rb");
    if (!file) { perror(argv[i + 3]); return 1; }
    fseek(file, 0, SEEK_END);
    lengths[i] = ftell(file);
    rewind(file);
    texts[i] = malloc(lengths[i] + 1);
    if (fread(texts[i], 1, lengths[i], file) != lengths[i]) { perror(argv[i + 3]); return 1; }
    fclose(file);
    reference[i] = render(texts[i], lengths[i], ONE_THREAD);
  }
  double *times = calloc(rounds, sizeof *times);
  pthread_t *pool = calloc(threads, sizeof *pool);
  // Variants interleaved round by round, so a change in the machine's load touches them alike.
  double medians[VARIANTS];
  int wrongs[VARIANTS] = {0};
  double all[VARIANTS][rounds];
  for (int round = 0; round < rounds; round++) {
    for (int v = 0; v < VARIANTS; v++) {
      current = v;
      atomic_store(&next_job, 0);
      atomic_store(&wrong, 0);
      double start = seconds();
      int workers = v == ONE_THREAD ? 1 : threads;
      for (int t = 0; t < workers; t++) pthread_create(&pool[t], NULL, worker, NULL);
      for (int t = 0; t < workers; t++) pthread_join(pool[t], NULL);
      all[v][round] = seconds() - start;
      wrongs[v] += atomic_load(&wrong);
    }
  }
  for (int v = 0; v < VARIANTS; v++) {
    memcpy(times, all[v], rounds * sizeof *times);
    qsort(times, rounds, sizeof *times, compare);
    medians[v] = rounds % 2 ? times[rounds / 2] : (times[rounds / 2 - 1] + times[rounds / 2]) / 2;
  }
  for (int v = 0; v < VARIANTS; v++)
    printf("%-32s median %8.1f ms  (%.2fx one thread)  documents different from one thread: %d of %d\n", names[v],
           medians[v] * 1000, medians[v] / medians[ONE_THREAD], wrongs[v], count * rounds);
  return 0;
}
