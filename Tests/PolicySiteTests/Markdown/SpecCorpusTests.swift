import Dispatch
import Foundation
import Testing
@testable import PolicySite

/// The GFM spec's examples (from the spec Debian's cmark-gfm package installs, read at test
/// time) rendered on every core many times over, with the whole spec as one document among them: each render equals the render on one
/// thread, and cmark-gfm's part equals what the `cmark-gfm` program prints for the same text.
/// Rendered in parallel before the fix of issue 11, a few examples came out wrong, different
/// ones each time (an autolink missing, `~~Hi~~` not struck through).
@Suite struct SpecCorpusTests {
    static let specPath = "/usr/share/doc/cmark-gfm/spec.txt.gz"
    static let examples: [String] = (try? loadExamples()) ?? []

    @Test func theSpecShipsWithCmarkGFMAndHoldsItsExamples() {
        // scripts/setup installs the cmark-gfm package, which ships the spec.
        #expect(FileManager.default.fileExists(atPath: Self.specPath), "\(Self.specPath) is missing: install Debian's cmark-gfm package")
        #expect(Self.examples.count > 600)
        #expect(Self.examples.contains { $0.contains("~~Hi~~") })
        #expect(Self.examples.contains { $0.contains("www.commonmark.org") })
    }

    @Test func everyExampleRenderedInParallelTenTimesEqualsTheOneThreadRender() throws {
        let renderer = MarkdownRenderer()
        let examples = try #require(Self.examples.isEmpty ? nil : Self.examples)
        // Every 40th document is the whole spec in one: its inline parsing takes long enough
        // for other threads to finish many small examples meanwhile (each finish used to
        // remove `~`, `:` and `w` from cmark-gfm's shared table).
        let whole = examples.joined(separator: "\n\n")
        let documents = examples.enumerated().flatMap { index, example in index % 40 == 0 ? [whole, example] : [example] }
        let reference = try documents.map { try renderer.render($0) }
        let rounds = 10
        // Every document of every round is one job, so different documents' parsers run side by side.
        let rendered = Array(0..<(rounds * documents.count)).parallelMap { job in try? renderer.render(documents[job % documents.count]) }
        var wrong: [Int: Set<Int>] = [:]
        for (job, result) in rendered.enumerated() where result != reference[job % documents.count] {
            wrong[job % documents.count, default: []].insert(job / documents.count)
        }
        #expect(wrong.isEmpty, "documents rendered differently on every core: \(wrong.keys.sorted().prefix(10).map { "\($0) (rounds \(wrong[$0]!.sorted()))" })")
    }

    @Test func cmarkGFMsPartEqualsTheCmarkGFMProgram() throws {
        let renderer = MarkdownRenderer()
        let examples = try #require(Self.examples.isEmpty ? nil : Self.examples)
        let program = try Self.programHTML(for: examples)
        #expect(program.count == examples.count)
        let ours = examples.parallelMap { try? renderer.cmarkHTML($0) }
        let differing = examples.indices.filter { ours[$0] != program[$0] }
        #expect(differing.isEmpty, "\(differing.count) examples differ from the cmark-gfm program, first \(differing.prefix(5).map { examples[$0].debugDescription })")
    }

    /// The Markdown of every example: the text between the example's opening fence and the
    /// line holding one `.`, with `→` standing for a tab as the spec writes it.
    static func loadExamples() throws -> [String] {
        let text = try run("/bin/gzip", ["-dc", specPath])
        var examples: [String] = [], current: [Substring]? = nil, inMarkdown = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```````````````````````````````` example") {
                current = []
                inMarkdown = true
            } else if current != nil, line == "." {
                if inMarkdown, let lines = current {
                    examples.append(lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "\u{2192}", with: "\t"))
                }
                inMarkdown = false
            } else if current != nil, line == "````````````````````````````````" {
                current = nil
            } else if inMarkdown {
                current?.append(line)
            }
        }
        return examples
    }

    /// The `cmark-gfm` program's HTML for each example, with the extensions the build turns on:
    /// one shell runs the program once per example.
    static func programHTML(for examples: [String]) throws -> [String] {
        let folder = try temporaryDirectory("spec-examples")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, example) in examples.enumerated() {
            try Data(example.utf8).write(to: folder.appendingPathComponent(String(format: "%04d.md", index)))
        }
        let extensions = MarkdownRenderer.extensionNames.map { "-e \($0)" }.joined(separator: " ")
        _ = try run("/bin/sh", ["-c", "for f in \"$0\"/*.md; do cmark-gfm \(extensions) \"$f\" > \"$f.html\" || exit 1; done", folder.path])
        return try examples.indices.map { index in
            String(decoding: try Data(contentsOf: folder.appendingPathComponent(String(format: "%04d.md.html", index))), as: UTF8.self)
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) failed"]) }
        return String(decoding: data, as: UTF8.self)
    }
}
