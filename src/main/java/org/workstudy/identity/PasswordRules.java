package org.workstudy.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.passay.CharacterRule;
import org.passay.DictionaryRule;
import org.passay.EnglishCharacterData;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.workstudy.shared.BusinessException;

/**
 * The rules a password a person chooses must pass (Passay): 8 to 64 characters with letters and digits, not one of
 * the common passwords in {@code identity/common-passwords.txt}, not containing the username (the 学号 or 工号) forwards
 * or backwards, no character 4 times in a row and no run of 5 (12345, abcde, qwert). The first rule broken is
 * reported by its own message.
 */
final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    private static final String DICTIONARY = "/identity/common-passwords.txt";

    /** Passay error code → message key, in the order the rules are checked. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry(LengthRule.ERROR_CODE_MIN, "identity.password.too-short"),
            Map.entry(LengthRule.ERROR_CODE_MAX, "identity.password.too-long"),
            Map.entry(EnglishCharacterData.Alphabetical.getErrorCode(), "identity.password.needs-letter"),
            Map.entry(EnglishCharacterData.Digit.getErrorCode(), "identity.password.needs-digit"),
            Map.entry(UsernameRule.ERROR_CODE, "identity.password.contains-username"),
            Map.entry(UsernameRule.ERROR_CODE_REVERSED, "identity.password.contains-username"),
            Map.entry(DictionaryRule.ERROR_CODE, "identity.password.common"),
            Map.entry(RepeatCharacterRegexRule.ERROR_CODE, "identity.password.repeated"),
            Map.entry(EnglishSequenceData.Numerical.getErrorCode(), "identity.password.sequence"),
            Map.entry(EnglishSequenceData.Alphabetical.getErrorCode(), "identity.password.sequence"),
            Map.entry(EnglishSequenceData.USQwerty.getErrorCode(), "identity.password.sequence"));

    private static final PasswordValidator VALIDATOR = new PasswordValidator(List.of(
            new LengthRule(MIN_LENGTH, MAX_LENGTH),
            new CharacterRule(EnglishCharacterData.Alphabetical, 1),
            new CharacterRule(EnglishCharacterData.Digit, 1),
            new UsernameRule(true, true),
            new DictionaryRule(new WordListDictionary(commonPasswords())),
            new RepeatCharacterRegexRule(4),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false)));

    private PasswordRules() {
    }

    /** Refuses a password that breaks a rule, with the message key of the first rule it breaks. */
    public static void check(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw BusinessException.invalid("identity.password.too-short", MIN_LENGTH);
        }
        RuleResult result = VALIDATOR.validate(new PasswordData(username == null ? "" : username, password));
        if (result.isValid()) {
            return;
        }
        String key = result.getDetails().stream().map(RuleResultDetail::getErrorCode).map(MESSAGES::get)
                .filter(k -> k != null).findFirst().orElse("identity.password.weak");
        throw BusinessException.invalid(key, key.endsWith("too-short") ? MIN_LENGTH : MAX_LENGTH);
    }

    /** How many common passwords are refused (for the tests and the README). */
    static int commonPasswordCount() {
        return ((WordListDictionary) ((DictionaryRule) VALIDATOR.getRules().get(4)).getDictionary()).getWordList()
                .size();
    }

    private static ArrayWordList commonPasswords() {
        TreeSet<String> words = new TreeSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream(DICTIONARY)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // case-insensitive list: Passay lower-cases what it searches for and needs the words sorted that way
        return new ArrayWordList(words.toArray(String[]::new), false);
    }
}
