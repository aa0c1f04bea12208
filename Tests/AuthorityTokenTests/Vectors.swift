import Testing
import Foundation

/// Loads files from this target's `Vectors/` resource folder.
enum Vectors {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "missing test vector \(name)" }
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let header: String
        let payload: String
        let expect: String
        var testDescription: String { name }
    }

    struct Raw: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let token: String
        let expect: String
        var testDescription: String { name }
    }

    struct Corpus: Decodable {
        let cases: [Case]
        let raw: [Raw]
    }

    static func corpus() throws -> Corpus {
        guard let url = Bundle.module.url(forResource: "token-parse-corpus.json", withExtension: nil, subdirectory: "Vectors") else {
            throw Missing(name: "token-parse-corpus.json")
        }
        return try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
    }

    /// The corpus cases, or none when the file is missing (the loader test then fails).
    static let cases: [Case] = (try? corpus().cases) ?? []
    static let raw: [Raw] = (try? corpus().raw) ?? []
}

