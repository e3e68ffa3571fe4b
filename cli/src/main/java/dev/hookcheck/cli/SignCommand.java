package dev.hookcheck.cli;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hookcheck sign}: the headers a provider would send with a body, or a curl command that sends it. */
@Command(name = "sign", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = {"Signs a body as the provider would and prints the headers (Name: value lines), or with"
                + " --curl a curl command that POSTs it. Where the provider writes the signature into the JSON body,"
                + " a blank line and the body to send follow the headers.", ""})
final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Hookcheck hookcheck;

    @Option(names = "--profile", paramLabel = "P", required = true, completionCandidates = ProfileOption.Names.class,
            description = "The provider whose scheme signs: ${COMPLETION-CANDIDATES}.")
    String profile;

    @Option(names = "--secret", paramLabel = "S", defaultValue = "${env:HOOKCHECK_SECRET}",
            description = "The signing secret (env HOOKCHECK_SECRET). Repeat it to sign with several, newest first "
                    + "(schemes that carry one signature use the first).")
    List<String> secrets;

    @Option(names = "--id", paramLabel = "ID",
            description = "The message id, where the scheme signs one. Default: a new id in the profile's format.")
    String id;

    @Option(names = "--timestamp", paramLabel = "T",
            description = "The timestamp, unix seconds, where the scheme signs one in a header; written exactly as "
                    + "given. Default: now.")
    String timestamp;

    @Option(names = "--body", paramLabel = "FILE|-", required = true,
            description = "The exact body to sign: a file, or - for standard input.")
    String body;

    @Option(names = "--curl", paramLabel = "URL", description = "Print a curl command that POSTs the signed body to URL.")
    String curl;

    @Option(names = "--url", paramLabel = "URL",
            description = "The URL the request is sent to, for schemes that sign it (Twilio, Square): required there,"
                    + " unless --curl gives it. The output then starts with a POST <url> line: the URL to send to,"
                    + " with what the scheme adds to it (Twilio's bodySHA256).")
    String url;

    @Override
    public Integer call() {
        Profile chosen = ProfileOption.parse(profile);
        if (secrets == null || secrets.isEmpty()) {
            throw new UsageError("pass the signing secret with --secret S (or set HOOKCHECK_SECRET)");
        }
        SecretOption.requireWellFormed(chosen, chosen.displayName(), secrets);
        byte[] bytes = readBody();
        String messageId = id != null ? id : chosen.ids().event().generate(new SecureRandom());
        String signedAt = timestamp != null ? timestamp : Long.toString(Clock.systemUTC().instant().getEpochSecond());
        if (url != null && curl != null && !url.equals(curl)) {
            throw new UsageError("--url and --curl name different URLs; give the URL once");
        }
        String requestUrl = url != null ? url : curl;
        if (requestUrl == null && chosen.scheme().signsUrl()) {
            throw new UsageError(chosen.displayName() + " signs the request URL: pass --url URL, the URL the receiver"
                    + " is configured with");
        }
        boolean inBody = chosen.scheme().signatureInBody().isPresent();
        Map<String, String> headers;
        String target;
        try {
            List<Secret> keys = secrets.stream().map(Secret::of).toList();
            bytes = chosen.scheme().signedBody(keys, messageId, signedAt, bytes);
            target = requestUrl == null ? null : chosen.scheme().deliveryUrl(requestUrl, bytes);
            headers = chosen.scheme().signWithTimestampText(keys, messageId, signedAt, bytes, target);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new UsageError("cannot sign for profile " + chosen.name() + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (curl == null) {
            if (url != null) {
                out.println("POST " + target);
            }
            headers.forEach((name, value) -> out.println(name + ": " + value));
            if (inBody) {
                // the signature is part of the body: the body to send follows the headers, as in HTTP
                out.println();
                out.println(utf8(bytes));
            }
        } else {
            out.println(curlCommand(target, headers, bytes, inBody));
        }
        return 0;
    }

    private byte[] readBody() {
        try {
            if (body.equals("-")) {
                return hookcheck.in.readAllBytes();
            }
            return Files.readAllBytes(Path.of(body));
        } catch (IOException e) {
            throw new UsageError("cannot read the body from " + (body.equals("-") ? "standard input" : "'" + body + "'")
                    + ": " + e.getMessage());
        }
    }

    private String curlCommand(String target, Map<String, String> headers, byte[] bytes, boolean signedBody) {
        StringBuilder command = new StringBuilder("curl -X POST ").append(Shell.quote(target)).append(" \\\n")
                .append("  -H ").append(Shell.quote("Content-Type: application/json")).append(" \\\n");
        headers.forEach((name, value) -> command.append("  -H ").append(Shell.quote(name + ": " + value))
                .append(" \\\n"));
        if (body.equals("-") || signedBody) {
            command.append("  --data-binary ").append(Shell.quote(utf8(bytes)));
        } else {
            command.append("  --data-binary @").append(Shell.quote(body));
        }
        return command.toString();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            throw new UsageError("the body on standard input is not UTF-8 text; save it to a file and pass --body FILE");
        }
    }
}
