/// A view model whose template lookup the GenerateViewModelLookups plugin wrote: the
/// names it answers, in declaration order (tests compare them with the stored properties).
protocol GeneratedLookup {
    static var templateKeys: [String] { get }
}
