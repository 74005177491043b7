/// Untrusted text (messages that quote cell values, file names) made safe for one cell of a
/// GitHub-flavoured Markdown table: control characters escaped as `PrintableText` does, line
/// breaks as spaces, `|` escaped so it cannot end the cell, and the characters that start links,
/// images, HTML or emphasis backslash-escaped so a cell cannot add a link or load an image.
///
/// (`FindingCodeTableWriter.cell` is for the catalogue's own text, whose backticks are meant.)
public enum MarkdownText {
    /// `text` for a table cell.
    public static func cell(_ text: String) -> String {
        var out = ""
        for c in PrintableText.escaped(text.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")) {
            switch c {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "!", "#", "~", "&":
                out.append("\\")
                out.append(c)
            default: out.append(c)
            }
        }
        return out
    }
}
