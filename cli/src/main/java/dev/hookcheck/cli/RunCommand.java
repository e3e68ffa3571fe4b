package dev.hookcheck.cli;

import dev.hookcheck.conformance.report.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code check} command line as the reports show it: ready to paste, and without a secret. A secret
 * option's value becomes the variable that holds it ({@code --secret "$HOOKCHECK_SECRET"}), so the
 * command still runs once the variable is set; passwords inside a URL are blanked.
 */
final class RunCommand {
    /** Options whose value is a secret, and the variable the pasted command reads it from. */
    private static final Map<String, String> SECRET_OPTIONS = Map.of("--secret", "HOOKCHECK_SECRET",
            "--probe-password", "HOOKCHECK_PROBE_PASSWORD");
    /** Options that select checks: a command for one check drops them and adds {@code --checks ID}. */
    private static final Set<String> SELECTION = Set.of("--checks", "--skip");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private RunCommand() {}

    /** {@code command} is {@code check}; {@code args} are its arguments as given, after the command name. */
    static Invocation of(String command, List<String> args) {
        List<String> all = new ArrayList<>();
        List<String> unselected = new ArrayList<>();
        int secrets = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = !name.equals(arg);
            boolean hasValue = inline || i + 1 < args.size();
            String value = inline ? arg.substring(name.length() + 1) : hasValue ? args.get(i + 1) : null;
            List<String> words;
            if (SECRET_OPTIONS.containsKey(name) && value != null) {
                String variable = SECRET_OPTIONS.get(name);
                if (name.equals("--secret") && ++secrets > 1) {
                    variable += "_" + secrets; // a rotation's second secret: HOOKCHECK_SECRET_2
                }
                words = List.of(name, "\"$" + variable + "\"");
            } else if (name.startsWith("--") && value != null && (inline || takesValue(name))) {
                words = List.of(name, quote(withoutPasswords(value)));
            } else {
                words = List.of(quote(arg));
                inline = true; // one word either way
            }
            if (!inline) {
                i++;
            }
            all.addAll(words);
            if (!SELECTION.contains(name)) {
                unselected.addAll(words);
            }
        }
        String prefix = "hookcheck " + command;
        return new Invocation(join(prefix, all), join(prefix, unselected));
    }

    /** {@code jdbc:postgresql://db/app?password=x} and {@code http://user:x@host} without the {@code x}. */
    private static String withoutPasswords(String value) {
        String blanked = USER_INFO_PASSWORD.matcher(value).replaceAll("$1[redacted]@");
        return PASSWORD_PARAMETER.matcher(blanked).replaceAll("$1[redacted]");
    }

    /** Every option of {@code check} but the flags takes a value. */
    private static boolean takesValue(String name) {
        return !name.equals("--require-probe") && !name.equals("--help") && !name.equals("-h")
                && !name.equals("--version") && !name.equals("-V");
    }

    private static String join(String prefix, List<String> words) {
        return words.isEmpty() ? prefix : prefix + " " + String.join(" ", words);
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : Shell.quote(word);
    }
}
