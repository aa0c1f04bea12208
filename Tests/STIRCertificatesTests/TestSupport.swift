import Foundation
import STIRCertificates
import STIRTesting
import X509

/// Shared fixtures of this test target.
enum Fixtures {
    /// The PKI, built once per process.
    static let pki: TestPKI = {
        do {
            return try TestPKI()
        } catch {
            preconditionFailure("TestPKI cannot be built: \(error)")
        }
    }()

    static func bytes(hex: String) -> [UInt8] {
        let clean = hex.filter { !$0.isWhitespace }
        var result: [UInt8] = []
        var index = clean.startIndex
        while clean.distance(from: index, to: clean.endIndex) >= 2 {
            let next = clean.index(index, offsetBy: 2)
            result.append(UInt8(clean[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }

    static func vector(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Vectors") else {
            throw STIRCertificatesError(.malformedExtension, "vector \(name) missing")
        }
        return bytes(hex: try String(contentsOf: url, encoding: .utf8))
    }
}
