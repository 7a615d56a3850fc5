package org.hipposnn.fiji;

import org.codehaus.groovy.jsr223.GroovyScriptEngineFactory;
import org.scijava.plugin.Plugin;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;

/**
 * Groovy's JSR-223 engine as a SciJava script language. scijava-common lists only ScriptLanguage
 * plugins; in Fiji, scripting-groovy provides this same adapter, but it is not served here, so the
 * tests register the one-line equivalent.
 */
@Plugin(type = ScriptLanguage.class, name = "Groovy")
public class GroovyLanguage extends AdaptedScriptLanguage {
    public GroovyLanguage() {
        super(new GroovyScriptEngineFactory());
    }
}
