import Foundation
import Testing
@testable import PolicySite

/// The zip pre-pass over Word documents made the way Word makes them
/// (scripts/make-word-docs.py): what it finds, and the style pruning that must not change
/// a word of what pandoc reads.
@Suite struct WordPackageTests {
    static let documents = Result { () throws -> URL in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-word-unit-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/make-word-docs.py").path, folder.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return folder
    }

    private func archive(_ name: String) throws -> ZipArchive {
        try ZipArchive(try Data(contentsOf: try Self.documents.get().appendingPathComponent(name)))
    }

    @Test func theInspectorListsWhatPandocWouldDropSilently() throws {
        let findings = try WordPackageInspector(archive: try archive("anti-bullying.docx")).inspect()
        #expect(findings.notes == [
            "1 reviewer's comment left out",
            "tracked changes: 1 insertion accepted, 3 deletions left out",
            "a text box ('Childline: 0800 1111') cannot be carried and is left out; put its words in the text",
            "the page header ('William Stockton Primary School') is not carried: a page on the site has none",
            "the page footer ('Page 1') is not carried: a page on the site has none",
            "the PRINTDATE field is kept as the text Word last showed; it will not update",
        ])
        #expect(findings.lastSaved != nil)
        #expect(try WordPackageInspector(archive: try archive("twitter-policy.docx")).inspect().notes.isEmpty)
    }

    @Test(arguments: ["twitter-policy.docx", "anti-bullying.docx"])
    func pandocReadsThePrunedDocumentExactlyAsTheWholeOne(_ name: String) throws {
        guard let pandoc = Pandoc.locate() else {
            Issue.record("pandoc is not installed: \(Pandoc.installHint)")
            return
        }
        let path = try Self.documents.get().appendingPathComponent(name).path
        let whole = try archive(name)
        let pruned = try #require(try WordStylePruner.pruned(whole))
        let slim = try ZipArchive(Data(pruned))
        let styles = try #require(try whole.data(WordStylePruner.stylesPart)), slimStyles = try #require(try slim.data(WordStylePruner.stylesPart))
        #expect(slimStyles.count < styles.count / 10, "python-docx's template carries 164 styles; a handful are used")
        #expect(slim.names == whole.names)
        for part in whole.names where part != WordStylePruner.stylesPart {
            #expect(try slim.data(part) == whole.data(part), "\(part) is copied as it is")
        }
        #expect(try pandoc.json(ofWordDocument: path, bytes: pruned) == pandoc.json(ofWordDocument: path))
    }

    @Test func stylesInUseTheDefaultsAndWhatTheyAreBasedOnAreKept() {
        let styles = """
            <w:styles><w:latentStyles w:count="1"><w:lsdException w:name="x"/></w:latentStyles>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:link w:val="Heading1Char"/></w:style>\
            <w:style w:type="character" w:styleId="Heading1Char"><w:basedOn w:val="Base"/></w:style>\
            <w:style w:type="character" w:styleId="Base"></w:style>\
            <w:style w:type="paragraph" w:styleId="Unused"></w:style></w:styles>
            """
        let kept = WordStylePruner.keep(["Heading1"], of: styles)
        #expect(kept == """
            <w:styles>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:link w:val="Heading1Char"/></w:style>\
            <w:style w:type="character" w:styleId="Heading1Char"><w:basedOn w:val="Base"/></w:style>\
            <w:style w:type="character" w:styleId="Base"></w:style></w:styles>
            """)
    }

    @Test func stylesWhoseOnlyClosingTagComesFirstAreLeftAsTheyAre() {
        // The byte search must not make a range that runs backwards (a trap) from a closing
        // tag that comes before every opening one.
        #expect(WordStylePruner.keep([], of: "<w:styles></w:style><w:style w:styleId=\"A\"></w:styles>") == nil)
        #expect(WordStylePruner.keep([], of: "<w:styles></w:styles>") == nil)
        #expect(WordStylePruner.values(of: "w:pStyle", in: "<w:pStyle w:val=\"Heading1\"/><w:pStyle w:val=\"Title\"/><w:pStyle ") == ["Heading1", "Title"])
    }
}

/// The import's one write step: all of a run's files, or none of them.
@Suite struct ImportWriterTests {
    @Test func aFileThatCannotBeWrittenLeavesEveryOtherAsItWas() throws {
        let folder = try temporaryDirectory("policysite-import-writer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("policies/old.md").path
        try FileManager.default.createDirectory(atPath: (existing as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("before".utf8).write(to: URL(fileURLWithPath: existing))
        // A file where a folder should be: the picture cannot be written.
        try Data().write(to: folder.appendingPathComponent("assets"))
        let files = [ImportWriter.File(path: existing, data: Data("after".utf8)),
                     ImportWriter.File(path: folder.appendingPathComponent("policies/new.md").path, data: Data("new".utf8)),
                     ImportWriter.File(path: folder.appendingPathComponent("assets/x/picture-1.png").path, data: Data([1]))]
        #expect(throws: ImportWriter.Failure.self) { try ImportWriter.write(files) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "before")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("policies").path) == ["old.md"])

        try ImportWriter.write(Array(files.prefix(2)))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "after")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("policies").path).sorted() == ["new.md", "old.md"])
    }
}
