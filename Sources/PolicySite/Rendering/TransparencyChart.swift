/// A horizontal bar chart as inline SVG, drawn by the tool: no script, no request elsewhere.
/// The page puts the table of the same figures beside it, so the chart is a picture of the table.
struct TransparencyChart: Sendable {
    struct Bar: Sendable {
        var label: String
        /// Nil for a hidden count: no bar is drawn, only its words.
        var value: Int?
        var text: String
    }

    var id: String
    var title: String
    var bars: [Bar]

    private let labelWidth = 150.0, valueWidth = 120.0, width = 640.0, rowHeight = 26.0, barHeight = 18.0

    /// The `<svg>` element; every text in it is escaped.
    var svg: String {
        let height = Double(bars.count) * rowHeight + 8
        let largest = max(1, bars.compactMap(\.value).max() ?? 1)
        let room = width - labelWidth - valueWidth - 10
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" preserveAspectRatio=\"xMinYMin meet\">"
        out += "<title id=\"\(id)-title\">\(XMLEscaping.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let middle = format(y + barHeight / 2 + 5)
            out += "<text class=\"chart-label\" x=\"\(format(labelWidth - 8))\" y=\"\(middle)\" text-anchor=\"end\">\(XMLEscaping.escape(bar.label))</text>"
            let length = bar.value.map { Double($0) / Double(largest) * room } ?? 0
            if length > 0 {
                out += "<rect class=\"chart-bar\" x=\"\(format(labelWidth))\" y=\"\(format(y))\" width=\"\(format(length))\" height=\"\(format(barHeight))\"/>"
            }
            let textClass = bar.value == nil ? "chart-value chart-value--hidden" : "chart-value"
            out += "<text class=\"\(textClass)\" x=\"\(format(labelWidth + length + 6))\" y=\"\(middle)\">\(XMLEscaping.escape(bar.text))</text>"
        }
        return out + "</svg>"
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
