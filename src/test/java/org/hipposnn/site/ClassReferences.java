package org.hipposnn.site;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one class file refers to, read from its constant pool: class entries and the types
 * named in descriptors and signatures (what the JVM must resolve to load, verify and run it).
 */
final class ClassReferences {

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

    private ClassReferences() {
    }

    /** Internal names (a/b/C) referred to by the class file. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        HashMap<Integer, String> utf8 = new HashMap<>();
        List<Integer> classNameIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(i, in.readUTF());
                case 3, 4 -> in.skipBytes(4);
                case 5, 6 -> { in.skipBytes(8); i++; }
                case 7 -> classNameIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> refs = new TreeSet<>();
        for (int idx : classNameIndexes) {
            String name = utf8.get(idx);
            if (name.startsWith("[")) addDescriptorTypes(name, refs);
            else refs.add(name);
        }
        for (String s : utf8.values()) addDescriptorTypes(s, refs);
        return refs;
    }

    private static void addDescriptorTypes(String s, Set<String> refs) {
        Matcher m = TYPE_IN_DESCRIPTOR.matcher(s);
        while (m.find()) refs.add(m.group(1));
    }
}
