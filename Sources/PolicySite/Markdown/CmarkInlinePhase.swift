import Foundation

/// Lets one cmark-gfm parser at a time through its inline phase; everything else about
/// Markdown (block parsing, the tree walk, HTML) runs on every core.
///
/// cmark-gfm 0.29.0.gfm.6 keeps the table of inline "special characters" once per process
/// (`SPECIAL_CHARS` and `SKIP_CHARS` in inlines.c). `cmark_parser_finish` parses the inlines
/// between adding its extensions' characters to that table (`~` for strikethrough, `:` and
/// `w` for autolinks) and removing them again (`process_inlines` in blocks.c). Two parsers
/// finishing at once race: when one removes `~`, the other, still parsing, no longer sees
/// strikethrough, and a link is left without its autolink. Pages then differ from build to
/// build (issue 11; upstream github/cmark-gfm pull request 176 is still open). Feeding text
/// (`cmark_parser_feed`, the block structure) never touches the table, and rendering only
/// reads a finished tree, so only `finish` is serialised: BENCHMARKS.md measures this
/// against one lock around the whole parse and against one thread.
enum CmarkInlinePhase {
    private static let lock = NSLock()

    static func oneAtATime<T>(_ body: () -> T) -> T {
        lock.withLock(body)
    }
}
