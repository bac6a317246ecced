import BuildToolSupport
import Foundation

// Usage: ViewModelLookupGenerator OUTPUT.swift VIEW_MODEL.swift...
// Writes, for every struct declared in the given files (nested ones too), a `MustacheParent`
// conformance that answers each stored property by name with a switch (run by the
// GenerateViewModelLookups build plugin). swift-mustache would otherwise find every
// `{{key}}` through a `Mirror` of the whole struct, which profiling put at 57% of a large
// build; generating the switch keeps that speed without a hand-kept copy of every field.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else { GeneratedFile.fail("usage", "ViewModelLookupGenerator OUTPUT.swift VIEW_MODEL.swift...", status: 64) }

var declarations: [ViewModelDeclaration] = []
for path in arguments.dropFirst(2).sorted() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { GeneratedFile.fail("ViewModelLookupGenerator", "cannot read \(path)") }
    declarations += ViewModelScanner.structs(in: text)
}
let source = LookupSource.make(for: declarations)
GeneratedFile.write(source, to: arguments[1], tool: "ViewModelLookupGenerator")
