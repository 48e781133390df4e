package org.workstudy.web;

import org.springframework.stereotype.Component;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON text the API reads is refused when it holds a control character (NUL and the other C0 characters except
 * tab, CR and LF): PostgreSQL cannot store a NUL, and none of them belongs in a name or a reason. Refusing here, as
 * Jackson reads the value, gives the JSON path of the field to {@link ApiProblems} (400 naming it), in one place for
 * every body. Boot registers this module with the application's JSON mapper.
 */
@Component
class JsonTextModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    JsonTextModule() {
        super("workstudy-json-text");
        addDeserializer(String.class, new PlainText());
    }

    /** Whether the text holds a C0 control character other than tab, CR and LF. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return true;
            }
        }
        return false;
    }

    private static final class PlainText extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null && hasControlCharacter(text)) {
                throw ctxt.weirdStringException(text, String.class, "a control character (such as NUL)");
            }
            return text;
        }
    }
}
