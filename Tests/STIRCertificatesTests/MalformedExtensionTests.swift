import SwiftASN1
import Testing
import X509

@testable import STIRCertificates

/// One malformed extension value and what it exercises.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let oid: ASN1ObjectIdentifier
    let hex: String
    let what: String
    var testDescription: String { self.what }
}

@Suite("Malformed extension corpus")
struct MalformedExtensionTests {
    static let corpus: [MalformedCase] = [
        // certificatePolicies
        .init(oid: .STIR.certificatePolicies, hex: "", what: "CP: empty value"),
        .init(oid: .STIR.certificatePolicies, hex: "3000", what: "CP: empty SEQUENCE OF"),
        .init(oid: .STIR.certificatePolicies, hex: "3100", what: "CP: SET instead of SEQUENCE"),
        .init(oid: .STIR.certificatePolicies, hex: "30023000", what: "CP: PolicyInformation without OID"),
        .init(oid: .STIR.certificatePolicies, hex: "30063004060A2A03", what: "CP: truncated OID length"),
        .init(oid: .STIR.certificatePolicies, hex: "30073005060128300" + "0", what: "CP: empty qualifier list"),
        .init(oid: .STIR.certificatePolicies, hex: "300530030601280000", what: "CP: trailing bytes"),
        .init(oid: .STIR.certificatePolicies, hex: "30053003020128", what: "CP: INTEGER instead of OID"),
        .init(oid: .STIR.certificatePolicies, hex: "3080300306012800000000", what: "CP: indefinite length"),
        // cRLDistributionPoints
        .init(oid: .STIR.crlDistributionPoints, hex: "3000", what: "CRLDP: empty list"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30023000", what: "CRLDP: empty DistributionPoint"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30063004810205600000", what: "CRLDP: reasons only, trailing"),
        .init(oid: .STIR.crlDistributionPoints, hex: "300630048102056" + "0", what: "CRLDP: reasons only"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30063004A002A000", what: "CRLDP: empty fullName"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30063004A002A200", what: "CRLDP: unknown DistributionPointName tag"),
        .init(oid: .STIR.crlDistributionPoints, hex: "300C300AA0088606687474703A2F", what: "CRLDP: URI length overruns"),
        .init(oid: .STIR.crlDistributionPoints, hex: "300830068604687474", what: "CRLDP: URI shorter than its length"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30083006A0048602612F", what: "CRLDP: implicit instead of explicit [0]"),
        .init(oid: .STIR.crlDistributionPoints, hex: "300A3008A2023000810200", what: "CRLDP: fields out of order"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30083006A2023000", what: "CRLDP: cRLIssuer empty padding"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30083006A2008103060001", what: "CRLDP: undefined reason bit 9 and empty cRLIssuer"),
        .init(oid: .STIR.crlDistributionPoints, hex: "3009300781030600019000", what: "CRLDP: reason bits beyond aACompromise"),
        .init(oid: .STIR.crlDistributionPoints, hex: "30073005810203409000", what: "CRLDP: non-minimal reasons"),
        // JWTClaimConstraints
        .init(oid: .STIR.jwtClaimConstraints, hex: "3000", what: "JWTCC: neither field"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "3004A0023000", what: "JWTCC: empty mustInclude"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "3007800516037263", what: "JWTCC: implicit tag"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "3009A00730050C03726364", what: "JWTCC: UTF8String claim name"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "3009A20730051603726364", what: "JWTCC: mustExclude in the RFC 8226 form"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "3004A1023000", what: "JWTCC: empty permittedValues"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "300DA10B3009300716037263643000", what: "JWTCC: empty permitted value list"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "300DA10B30093007160372636430", what: "JWTCC: truncated"),
        .init(oid: .STIR.jwtClaimConstraints, hex: "300BA009300516037263640500", what: "JWTCC: trailing NULL inside explicit tag"),
        // EnhancedJWTClaimConstraints
        .init(oid: .STIR.enhancedJWTClaimConstraints, hex: "3000", what: "eJWTCC: empty"),
        .init(oid: .STIR.enhancedJWTClaimConstraints, hex: "3004A2023000", what: "eJWTCC: empty mustExclude"),
        .init(oid: .STIR.enhancedJWTClaimConstraints, hex: "3012A00730051603726364A20730051603726364", what: "eJWTCC: same claim included and excluded"),
        .init(oid: .STIR.enhancedJWTClaimConstraints, hex: "3012A20730051603726364A00730051603726364", what: "eJWTCC: fields out of order"),
        .init(oid: .STIR.enhancedJWTClaimConstraints, hex: "3009A007300516037263FF", what: "eJWTCC: non-ASCII IA5String"),
    ]

    @Test("Every malformed value is rejected with a module error", arguments: corpus)
    func rejects(_ sample: MalformedCase) {
        let ext = Certificate.Extension(oid: sample.oid, critical: false, value: Fixtures.bytes(hex: sample.hex)[...])
        do {
            switch sample.oid {
            case .STIR.certificatePolicies: _ = try CertificatePolicies(ext)
            case .STIR.crlDistributionPoints: _ = try CRLDistributionPoints(ext)
            case .STIR.jwtClaimConstraints: _ = try JWTClaimConstraints(ext)
            default: _ = try EnhancedJWTClaimConstraints(ext)
            }
            Issue.record("\(sample.what) was accepted")
        } catch let error as STIRCertificatesError {
            #expect([.malformedExtension, .invalidExtensionValue].contains(error.code))
        } catch {
            Issue.record("unexpected error type \(error)")
        }
    }
}
