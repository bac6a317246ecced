import Foundation
import Testing
@testable import PolicySite

@Suite struct DeterminismTests {
    @Test func theSameInputsGiveByteIdenticalSites() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for output in [first, second] {
            let options = BuildOptions(contentDirectory: repositoryRoot.appendingPathComponent("content").path,
                                       templatesDirectory: repositoryRoot.appendingPathComponent("templates").path,
                                       outputDirectory: output.path, asOf: CalendarDay(iso: "2026-11-24")!)
            try SiteBuilder().build(options)
        }
        let a = try snapshot(of: first), b = try snapshot(of: second)
        #expect(a.count > 5)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a {
            #expect(b[path] == bytes, "\(path) differs between two builds")
        }
    }

    @Test func parallelRenderingKeepsTheOrderOfItsInput() {
        let numbers = Array(0..<500)
        #expect(numbers.parallelMap { $0 * 2 } == numbers.map { $0 * 2 })
    }
}
