import Foundation

/// The `Cache-Control` response directives the x5u cache reads (RFC 9111 §5.2.2): `max-age`,
/// `s-maxage`, `no-store`, `no-cache`.
public struct CacheDirectives: Hashable, Sendable {
    /// `max-age` (or `s-maxage`, which wins for a shared cache) in seconds, when given and valid.
    public let maxAge: Int?
    /// Whether `no-store` or `no-cache` is present.
    public let forbidsReuse: Bool

    /// Parses every `Cache-Control` field value; unknown directives are ignored (RFC 9111 §5.2.3).
    public init(fieldValues: [String]) {
        var maxAge: Int?
        var sharedMaxAge: Int?
        var forbidsReuse = false
        for value in fieldValues {
            for directive in value.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first?.lowercased() else { continue }
                let argument = parts.count == 2 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : nil
                switch name {
                case "max-age": maxAge = argument.flatMap(Self.seconds)
                case "s-maxage": sharedMaxAge = argument.flatMap(Self.seconds)
                case "no-store", "no-cache": forbidsReuse = true
                default: continue
                }
            }
        }
        self.maxAge = sharedMaxAge ?? maxAge
        self.forbidsReuse = forbidsReuse
    }

    /// A delta-seconds value (RFC 9111 §1.2.2); values beyond `Int32.max` saturate.
    private static func seconds(_ text: String) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.prefix(10)).map { min($0, Int(Int32.max)) }
    }
}
