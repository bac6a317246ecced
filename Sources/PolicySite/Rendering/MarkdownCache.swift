import Foundation

/// Rendered Markdown kept between the preview server's rebuilds, keyed by the Markdown text
/// itself (so by content, never by file name or time): after a one-file change only that
/// policy is rendered again. A rebuild forgets what the one before it did not use, so the
/// cache holds one site's worth at most. `policysite build` renders without one.
public final class MarkdownCache: @unchecked Sendable {
    private var current: [String: RenderedMarkdown] = [:]
    private var previous: [String: RenderedMarkdown] = [:]
    private let lock = NSLock()

    public init() {}

    /// Starts a rebuild: entries the last rebuild did not use are dropped after this one.
    func beginBuild() {
        lock.withLock {
            previous = current
            current = [:]
        }
    }

    func rendered(_ markdown: String, by render: (String) -> RenderedMarkdown) -> RenderedMarkdown {
        if let kept = lock.withLock({ current[markdown] ?? previous[markdown] }) {
            lock.withLock { current[markdown] = kept }
            return kept
        }
        let fresh = render(markdown)
        lock.withLock { current[markdown] = fresh }
        return fresh
    }
}
