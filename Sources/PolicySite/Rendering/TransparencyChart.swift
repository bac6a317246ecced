/// A horizontal bar chart drawn by the tool: no script, no request elsewhere.
/// The page puts the table of the same figures beside it, so the chart is a picture of the table.
///
/// Labels and values are HTML text, so they are as large as the page's own text and reflow at
/// any width; each bar is a tiny SVG stretched across its column (no text inside it to shrink).
/// An SVG with its words inside, drawn 640 wide, showed them at 8 px on a 390 px phone.
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

    /// The chart's HTML; every text in it is escaped.
    var html: String {
        let largest = max(1, bars.compactMap(\.value).max() ?? 1)
        var out = "<div class=\"bar-chart\" id=\"\(id)\" role=\"img\" aria-label=\"\(XMLEscaping.escape(title))\">"
        for bar in bars {
            out += "<div class=\"bar-chart__row\"><span class=\"bar-chart__label\">\(XMLEscaping.escape(bar.label))</span>"
            out += "<span class=\"bar-chart__value\(bar.value == nil ? " bar-chart__value--hidden" : "")\">\(XMLEscaping.escape(bar.text))</span>"
            let length = bar.value.map { Double($0) / Double(largest) * 100 } ?? 0
            out += "<svg class=\"chart\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
            if length > 0 { out += "<rect class=\"chart-bar\" width=\"\(format(length))\" height=\"10\"/>" }
            out += "</svg></div>"
        }
        return out + "</div>"
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
