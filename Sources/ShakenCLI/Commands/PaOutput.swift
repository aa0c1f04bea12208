import JOSE

/// Prints an STI-PA admin answer as JSON or as one line.
enum PaOutput {
    static func print(_ answer: JSONObject, json: Bool, text: String) {
        if json {
            CommandOutput.json(JSONOutput(.object(answer)))
        } else {
            CommandOutput.line(text)
        }
    }
}
