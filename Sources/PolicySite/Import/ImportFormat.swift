import Foundation

/// What a file given to `policysite import` is, judged by its bytes (and, for text, its name).
enum ImportFormat {
    case word(ZipArchive)
    /// A policy already in Markdown (with front matter, or in the seed's plain layout).
    case markdown(String)
    /// Text in the seed's plain layout: a title line, `Last Updated:` lines, paragraphs.
    case plainText(String)

    /// Identifies `data`, read from the file called `name`, or says why it cannot be imported.
    static func identify(_ data: Data, name: String) throws(ImportRefusal) -> ImportFormat {
        let head = [UInt8](data.prefix(8))
        let lowerName = name.lowercased()
        guard !data.isEmpty else { throw ImportRefusal("the file is empty", expected: "a Word document (.docx)") }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .word(try wordArchive(data))
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw compoundFileRefusal(data) }
        if head.starts(with: Array("%PDF".utf8)) {
            throw ImportRefusal("this is a PDF, not a Word document", expected: "the Word document (.docx) the PDF was made from")
        }
        if head.starts(with: Array("{\\rtf".utf8)) {
            throw ImportRefusal("this is a Rich Text Format file, not a Word document", expected: "a .docx: open it in Word and save it as 'Word Document (.docx)'")
        }
        let isText = !data.contains(0) && String(data: data, encoding: .utf8) != nil
        if lowerName.hasSuffix(".docx") || lowerName.hasSuffix(".docm") {
            throw ImportRefusal("the file is named like a Word document but is not one (a .docx starts as a zip archive does)",
                                expected: "a document saved by Word as 'Word Document (.docx)'")
        }
        guard isText else {
            throw ImportRefusal("this is not a Word document, a Markdown file or a text file",
                                expected: "a Word document (.docx), a Markdown policy (.md) or a policy as plain text (.txt)")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if lowerName.hasSuffix(".md") || lowerName.hasSuffix(".markdown") { return .markdown(text) }
        return .plainText(text)
    }

    private static func wordArchive(_ data: Data) throws(ImportRefusal) -> ZipArchive {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(data)
        } catch .truncated {
            throw ImportRefusal("the file is cut off: its end is missing", expected: "the whole document; copy it again from where it came from")
        } catch {
            throw ImportRefusal("the document is damaged: \(ZipArchive.explain(error))", expected: "a copy Word can open; open it in Word and save it again")
        }
        if archive.contains("word/document.xml") || archive.names.contains(where: { $0.hasPrefix("word/") && $0.hasSuffix("document.xml") }) {
            return archive
        }
        if archive.contains("content.xml") {
            throw ImportRefusal("this is an OpenDocument file (from LibreOffice), not a Word document",
                                expected: "a .docx: open it and save it as 'Word 2007-365 (.docx)'")
        }
        if archive.names.contains(where: { $0.hasPrefix("xl/") }) {
            throw ImportRefusal("this is an Excel workbook, not a Word document", expected: "a Word document (.docx)")
        }
        if archive.names.contains(where: { $0.hasPrefix("ppt/") }) {
            throw ImportRefusal("this is a PowerPoint presentation, not a Word document", expected: "a Word document (.docx)")
        }
        throw ImportRefusal("this is a zip archive, not a Word document", expected: "the Word documents (.docx) inside it, unpacked")
    }

    /// The compound-file container holds both old Word documents and password-protected
    /// new ones; the names of its streams (UTF-16) tell them apart.
    private static func compoundFileRefusal(_ data: Data) -> ImportRefusal {
        func holds(_ stream: String) -> Bool {
            let name = Data(stream.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return data.range(of: name) != nil
        }
        if holds("EncryptedPackage") || holds("EncryptionInfo") {
            return ImportRefusal("the document is protected by a password, so it cannot be read",
                                 expected: "a copy without the password: in Word, File > Info > Protect Document > Encrypt with Password, clear it and save")
        }
        if holds("WordDocument") {
            return ImportRefusal("this is a Word 97-2003 document (.doc), which pandoc cannot read",
                                 expected: "a .docx: open it in Word and save it as 'Word Document (.docx)'")
        }
        return ImportRefusal("this is an old Office file that is not a Word document", expected: "a Word document (.docx)")
    }
}

/// Why a file cannot be imported, with what would work instead.
struct ImportRefusal: Error {
    var reason: String
    var expected: String

    init(_ reason: String, expected: String) {
        self.reason = reason
        self.expected = expected
    }
}

extension ZipArchive {
    static func explain(_ failure: Failure) -> String {
        switch failure {
        case .truncated: "its end is missing"
        case .damaged(let what), .unsupported(let what): what
        }
    }
}
