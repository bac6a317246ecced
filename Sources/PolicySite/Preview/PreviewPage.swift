import Foundation

/// What the preview server adds to the pages it serves, and only to those: a reload script
/// and a stylesheet (external, same-origin files, so the page's Content-Security-Policy
/// `script-src 'self'` and `style-src 'self'` allow them), and a banner listing the errors
/// of a failed rebuild. The built site itself never contains any of it.
public enum PreviewPage {
    /// Where the preview server's own files live; no built file can start with "__".
    public static let prefix = "/__policysite/"
    static let bannerID = "policysite-preview-errors"

    /// `html` with the reload script and stylesheet in its head and, when `errors` is not
    /// empty, the error banner at the top of its body; its Content-Security-Policy, if any,
    /// lets the reload script fetch the status from the same origin (`connect-src 'self'`).
    public static func inject(into html: Data, generation: Int, errors: [String]) -> Data {
        var text = allowingSameOriginFetch(String(decoding: html, as: UTF8.self))
        let head = "<link rel=\"stylesheet\" href=\"\(prefix)preview.css\">"
            + "<script src=\"\(prefix)reload.js\" data-generation=\"\(generation)\" defer></script>\n"
        if let close = text.range(of: "</head>", options: .caseInsensitive) {
            text.insert(contentsOf: head, at: close.lowerBound)
        } else {
            text = head + text
        }
        if !errors.isEmpty {
            let banner = self.banner(errors)
            if let body = text.range(of: "<body", options: .caseInsensitive),
               let end = text[body.upperBound...].firstIndex(of: ">") {
                text.insert(contentsOf: banner, at: text.index(after: end))
            } else {
                text += banner
            }
        }
        return Data(text.utf8)
    }

    /// The banner as HTML; the script builds the same element when errors appear later.
    static func banner(_ errors: [String]) -> String {
        let items = errors.map { "<li>\(escape($0))</li>" }.joined()
        return "\n<div id=\"\(bannerID)\" role=\"alert\"><p><strong>The last change could not be built.</strong> "
            + "This is the last good version of the page. Fix the problem and save again:</p><ul>\(items)</ul></div>\n"
    }

    /// The page served for every address while no build has succeeded yet.
    public static func noSiteYet(errors: [String], generation: Int) -> Data {
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>The site could not be built</title></head>
        <body><main><h1>The site could not be built</h1>
        <p>policysite will build it again as soon as a file in the content or templates folder is saved.</p></main></body>
        </html>

        """
        return inject(into: Data(page.utf8), generation: generation, errors: errors)
    }

    /// The answer to one poll of the reload script, as JSON: the generation of the site
    /// being served and the errors of the last rebuild (empty when it succeeded).
    public static func status(generation: Int, errors: [String]) -> Data {
        struct Status: Encodable { var generation: Int; var errors: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Status(generation: generation, errors: errors))) ?? Data("{\"errors\":[],\"generation\":\(generation)}".utf8)
    }

    /// `html` with `connect-src 'self'` added to each Content-Security-Policy in a `<meta>`
    /// element (the default theme's has `default-src 'none'`, which blocks every fetch).
    /// Only the preview serves this; the built site keeps its policy as written.
    static func allowingSameOriginFetch(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let meta = rest.range(of: "<meta", options: .caseInsensitive) {
            guard let end = rest[meta.upperBound...].firstIndex(of: ">") else { break }
            let tag = rest[meta.lowerBound..<end]
            result += rest[..<meta.lowerBound]
            result += tag.range(of: "content-security-policy", options: .caseInsensitive) == nil ? String(tag) : withConnectSource(tag)
            rest = rest[end...]
        }
        return result + rest
    }

    /// One `<meta …>` tag (without its `>`) with `'self'` in its policy's `connect-src`.
    private static func withConnectSource(_ tag: Substring) -> String {
        guard let attribute = tag.range(of: "content=", options: .caseInsensitive),
              let quote = tag[attribute.upperBound...].first, quote == "\"" || quote == "'" else { return String(tag) }
        let valueStart = tag.index(after: attribute.upperBound)
        guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return String(tag) }
        let selfSource = quote == "'" ? "&#39;self&#39;" : "'self'"
        var directives = tag[valueStart..<valueEnd].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let index = directives.firstIndex(where: { $0.lowercased().hasPrefix("connect-src") }) {
            let sources = directives[index].split(separator: " ").dropFirst().filter { $0.lowercased() != "'none'" && $0.lowercased() != "&#39;none&#39;" }
            directives[index] = (["connect-src"] + sources.map(String.init) + [selfSource]).joined(separator: " ")
        } else {
            directives.append("connect-src \(selfSource)")
        }
        return String(tag[..<valueStart]) + directives.joined(separator: "; ") + String(tag[valueEnd...])
    }

    /// As `{{x}}` escapes in templates.
    static func escape(_ text: String) -> String { HTMLEscaping().escapeText(text) }

    // The poll is a same-origin fetch of JSON: the server answers it only to its own pages
    // (and the page's Content-Security-Policy gets connect-src 'self' from inject()).
    public static let reloadScript = """
    (function () {
      "use strict";
      var script = document.currentScript;
      var generation = script ? script.getAttribute("data-generation") : null;
      var shown = null;

      function showErrors(errors) {
        var key = JSON.stringify(errors);
        if (key === shown) { return; }
        shown = key;
        var banner = document.getElementById("\(bannerID)");
        if (!errors.length) {
          if (banner) { banner.parentNode.removeChild(banner); }
          return;
        }
        if (!banner) {
          banner = document.createElement("div");
          banner.id = "\(bannerID)";
          banner.setAttribute("role", "alert");
          document.body.insertBefore(banner, document.body.firstChild);
        }
        while (banner.firstChild) { banner.removeChild(banner.firstChild); }
        var intro = document.createElement("p");
        var strong = document.createElement("strong");
        strong.textContent = "The last change could not be built.";
        intro.appendChild(strong);
        intro.appendChild(document.createTextNode(" This is the last good version of the page. Fix the problem and save again:"));
        banner.appendChild(intro);
        var list = document.createElement("ul");
        errors.forEach(function (error) {
          var item = document.createElement("li");
          item.textContent = error;
          list.appendChild(item);
        });
        banner.appendChild(list);
      }

      function update(status) {
        if (generation !== null && String(status.generation) !== generation) {
          window.location.reload();
          return false;
        }
        showErrors(status.errors);
        return true;
      }

      function poll(delay) {
        window.setTimeout(function () {
          window.fetch("\(prefix)status.json", { cache: "no-store", credentials: "same-origin" })
            .then(function (response) {
              if (!response.ok) { throw new Error("status " + response.status); }
              return response.json();
            })
            .then(function (status) { if (update(status)) { poll(250); } })
            .catch(function () { poll(1000); });
        }, delay);
      }

      if (shown === null) {
        var existing = document.getElementById("\(bannerID)");
        shown = existing ? null : JSON.stringify([]);
      }
      poll(0);
    })();

    """

    public static let stylesheet = """
    #\(bannerID) {
      position: sticky; top: 0; z-index: 1000;
      margin: 0; padding: 0.75rem 1rem;
      background: #fde8e8; color: #1b1b1b;
      border-bottom: 4px solid #b3261e;
      font: 0.95rem/1.4 system-ui, sans-serif;
    }
    #\(bannerID) ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
    #\(bannerID) li { font-family: ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }

    """
}
