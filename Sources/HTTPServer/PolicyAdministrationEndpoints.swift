import CertificateRevocation
import Foundation
import HTTPTypes
import Hummingbird
import JOSE
import PolicyAdministration
import SwiftASN1

/// The STI-PA API handlers (spec digest §4.4): each parses the request, makes one domain call and
/// renders the deployed API's JSON.
struct PolicyAdministrationEndpoints: Sendable {
    let services: PolicyAdministrationRouter.Services
    let configuration: PolicyAdministrationRouter.Configuration

    func login(_ request: Request) async throws -> Response {
        let body = try await JSONRequestBody.object(request, limit: configuration.maximumBodySize)
        let grant = try await services.authentication.login(
            userID: try JSONRequestBody.string(body, "userId"), password: try JSONRequestBody.string(body, "password")
        )
        return grant.loginResponse
    }

    func logout(_ request: Request) async throws -> Response {
        try await services.authentication.logout(try AccessTokenHeader.token(request))
        return ResponseBuilding.json(ResponseBuilding.object([("status", .string("success"))]))
    }

    func token(_ request: Request, accountID: String?) async throws -> Response {
        let token = try AccessTokenHeader.token(request)
        guard let accountID, !accountID.isEmpty else {
            throw HTTPServerError(.notFound, "no account in the request path")
        }
        let body = try await JSONRequestBody.bytes(request, limit: configuration.maximumBodySize)
        let grant = try await services.tokens.issueToken(accountID: AccountID(accountID), accessToken: token, requestBody: body)
        return ResponseBuilding.bytes(try grant.responseBody(), contentType: MediaType.json)
    }

    func caList() async throws -> Response {
        ResponseBuilding.bytes(try await services.trustList.caListResponse(), contentType: MediaType.json)
    }

    /// The SHAKEN CRL (spec digest §4.6): DER as `application/pkix-crl` (RFC 2585 §4.2), PEM when the
    /// client asks for `application/x-pem-file`.
    func crl(_ request: Request) async throws -> Response {
        let crl = try await services.crl.currentCRL(at: configuration.now())
        let der = Array(crl.derRepresentation)
        let headers: HTTPFields = [.cacheControl: "no-cache", .lastModified: HTTPDate.format(crl.thisUpdate)]
        if request.headers[.accept]?.lowercased().contains(MediaType.pemFile) == true {
            let pem = PEMDocument(type: CertificateRevocationList.defaultPEMDiscriminator, derBytes: der).pemString + "\n"
            return ResponseBuilding.bytes(Array(pem.utf8), contentType: MediaType.pemFile, headers: headers)
        }
        return ResponseBuilding.bytes(der, contentType: MediaType.pkixCRL, headers: headers)
    }
}

/// Reads the access token of the STI-PA API from `Authorization`: raw, as the deployed API sends it,
/// or as `Bearer <token>` (RFC 6750 §2.1).
public enum AccessTokenHeader {
    static func credential(_ request: Request) throws(HTTPServerError) -> String {
        guard var value = request.headers[.authorization]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw HTTPServerError(.notAuthenticated, "the Authorization header is missing")
        }
        if value.count > 7, value.prefix(7).lowercased() == "bearer " {
            value = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        }
        guard !value.isEmpty, value.utf8.count <= 512 else {
            throw HTTPServerError(.notAuthenticated, "the Authorization header holds no usable credential")
        }
        return value
    }

    /// The access token of `request`.
    ///
    /// - Throws: ``HTTPServerError/Code/notAuthenticated`` when `Authorization` is missing, empty or longer than 512 bytes.
    public static func token(_ request: Request) throws(HTTPServerError) -> AccessToken {
        AccessToken(try credential(request))
    }
}

/// Reads JSON request bodies of the STI-PA routes: `application/json`, within the size limit, strict
/// JSON (duplicate names refused).
public enum JSONRequestBody {
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        guard MediaType.matches(request.headers[.contentType], MediaType.json) else {
            throw HTTPServerError(.unsupportedMediaType, "the request body must be application/json")
        }
        switch try await RequestBodyReader.read(request, limit: limit) {
        case .complete(let bytes): return bytes
        case .tooLarge(let size): throw HTTPServerError(.payloadTooLarge, "request body of \(size) bytes exceeds \(limit)")
        }
    }

    static func object(_ request: Request, limit: Int) async throws -> JSONObject {
        try object(try await bytes(request, limit: limit), limit: limit)
    }

    /// `bytes` as a strict JSON object (RFC 8259; duplicate names refused, at most `limit` bytes and 8 levels deep).
    ///
    /// - Throws: ``HTTPServerError/Code/malformedRequest`` for anything else.
    public static func object(_ bytes: [UInt8], limit: Int) throws(HTTPServerError) -> JSONObject {
        let value: JSONValue
        do {
            value = try StrictJSONParser(maximumBytes: limit, maximumDepth: 8).parse(bytes)
        } catch {
            throw HTTPServerError(.malformedRequest, "the request body is not strict JSON: \(error.reason)")
        }
        guard let object = value.objectValue else {
            throw HTTPServerError(.malformedRequest, "the request body is a JSON \(value.typeName), not an object")
        }
        return object
    }

    static func string(_ object: JSONObject, _ name: String) throws(HTTPServerError) -> String {
        guard let value = object[name]?.stringValue else {
            throw HTTPServerError(.malformedRequest, "\(name) must be a string")
        }
        return value
    }
}
