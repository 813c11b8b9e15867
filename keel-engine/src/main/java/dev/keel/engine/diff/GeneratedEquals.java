package dev.keel.engine.diff;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells whether a record's {@code equals} is the one javac generates, by reading its class file: the
 * generated method is exactly {@code aload_0; aload_1; invokedynamic ObjectMethods; ireturn}. Only then
 * does {@code equals() == true} prove that every component is equal. A hand-written {@code equals}
 * (Keel's "DO NOT REMOVE" overrides that skip a field) must not short-cut the walk.
 */
final class GeneratedEquals {

  private GeneratedEquals() {}

  static boolean isGenerated(Class<?> type) {
    if (!type.isRecord()) {
      return false;
    }
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      return scan(new DataInputStream(in));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean scan(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      return false;
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        default -> {
          return false;
        }
      }
    }
    in.skipNBytes(6);
    in.skipNBytes(2L * in.readUnsignedShort());
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.skipNBytes(6);
      skipAttributes(in);
    }
    int methods = in.readUnsignedShort();
    for (int i = 0; i < methods; i++) {
      in.readUnsignedShort();
      String name = utf8[in.readUnsignedShort()];
      String desc = utf8[in.readUnsignedShort()];
      int attrs = in.readUnsignedShort();
      boolean target = "equals".equals(name) && "(Ljava/lang/Object;)Z".equals(desc);
      for (int a = 0; a < attrs; a++) {
        String attrName = utf8[in.readUnsignedShort()];
        int len = in.readInt();
        if (target && "Code".equals(attrName)) {
          in.readUnsignedShort();
          in.readUnsignedShort();
          int codeLength = in.readInt();
          byte[] code = new byte[codeLength];
          in.readFully(code);
          return codeLength == 8 && (code[0] & 0xFF) == 0x2A && (code[1] & 0xFF) == 0x2B
              && (code[2] & 0xFF) == 0xBA && code[5] == 0 && code[6] == 0 && (code[7] & 0xFF) == 0xAC;
        }
        in.skipNBytes(len);
      }
    }
    return false;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attrs = in.readUnsignedShort();
    for (int a = 0; a < attrs; a++) {
      in.readUnsignedShort();
      in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
    }
  }
}
