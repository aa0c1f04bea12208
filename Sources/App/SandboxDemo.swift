import Foundation
import TNAuthList
import X509
import STIRCertificates

/// The demo parties a sandbox provisions on first start: one TN service provider (SPC 5678, holding
/// 100 numbers, allowed to run an STI-SCA), one enterprise it delegates 10 of them to (RFC 9060 §4),
/// and one PBX it delegates another 10 to, which obtains TN-level certificates from the STI-CA through
/// the provider's SP-PA-proxy and SP-CA-proxy (seed 002 §6.2–§6.3). The two delegations do not overlap.
enum SandboxDemo {
    static let providerAccountID = "sp-5678"
    static let providerName = "Sandbox TNSP"
    static let spc = "5678"
    static let providerRange = (start: "12025550100", count: 100)
    static let providerUser = "tnsp-operator"
    static let enterpriseID = "demo-enterprise"
    static let enterpriseName = "Demo Enterprise"
    static let enterpriseRange = (start: "12025550110", count: 10)
    static let enterpriseUser = "enterprise-admin"
    static let pbxID = "demo-pbx"
    static let pbxName = "Demo PBX"
    static let pbxRange = (start: "12025550160", count: 10)
    static let pbxUser = "pbx-admin"
    /// The code of the PBX's login record in the provider's customer store, which keys records by a
    /// unique code: the PBX holds no SPC of its own (seed 002 §6.2: it "is not a recognized STI service
    /// provider"), so its record carries the provider's SPC with a suffix. It never reaches a certificate.
    static let pbxRecordCode = "5678-PBX"

    static func serviceProviderCode() throws -> ServiceProviderCode { try ServiceProviderCode(spc) }

    static func providerEntry() throws -> TNEntry {
        .range(try TelephoneNumberRange(start: TelephoneNumber(providerRange.start), count: providerRange.count))
    }

    static func enterpriseEntry() throws -> TNEntry {
        .range(try TelephoneNumberRange(start: TelephoneNumber(enterpriseRange.start), count: enterpriseRange.count))
    }

    static func pbxEntry() throws -> TNEntry {
        .range(try TelephoneNumberRange(start: TelephoneNumber(pbxRange.start), count: pbxRange.count))
    }

    /// The STI-SCA certificate's TNAuthList: the provider's SPC (an STI-CA certifies one SPC, ATIS-1000080 §6.4.1).
    static func subordinateCAList() throws -> TNAuthorizationList { try TNAuthorizationList([.spc(serviceProviderCode())]) }

    /// The numbers the STI-SCA holds and may delegate (its issuance scope, ATIS-1000092 §5.3.6).
    static func providerScope() throws -> TNScope { TNScope(try TNAuthorizationList([providerEntry()])) }

    static func subordinateCASubject() throws -> DistinguishedName {
        try DistinguishedName.shaken(commonName: "SHAKEN \(spc) Sandbox STI-SCA", organization: providerName, country: "US")
    }
}
