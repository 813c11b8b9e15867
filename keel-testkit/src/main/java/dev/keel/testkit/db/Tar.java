package dev.keel.testkit.db;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Unpacks a tar stream (ustar, with GNU long names and PAX paths): directories, regular files with their
 * permission bits, and symbolic links, all kept inside the target directory. Enough for the server binaries
 * Maven Central ships, so that no {@code tar} or {@code xz} needs to be installed.
 */
final class Tar {

  private static final int BLOCK = 512;

  private Tar() {}

  static void extract(InputStream in, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    byte[] header = new byte[BLOCK];
    String nextName = null;
    while (readBlock(in, header)) {
      if (isZero(header)) {
        return;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      if (nextName != null) {
        name = nextName;
        nextName = null;
      }
      int mode = (int) octal(header, 100, 8);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      String link = text(header, 157, 100);
      switch (type) {
        case 'L' -> nextName = new String(readBytes(in, size), StandardCharsets.UTF_8).replace("\0", "");
        case 'x' -> nextName = paxPath(new String(readBytes(in, size), StandardCharsets.UTF_8));
        case '5' -> Files.createDirectories(inside(root, name));
        case '2' -> {
          Path at = inside(root, name);
          if (!at.getParent().resolve(link).normalize().startsWith(root)) {
            throw new IOException("The archive's link " + name + " points outside " + root);
          }
          Files.createDirectories(at.getParent());
          Files.deleteIfExists(at);
          Files.createSymbolicLink(at, Path.of(link));
        }
        case '0', '\0' -> {
          Path at = inside(root, name);
          Files.createDirectories(at.getParent());
          try (OutputStream out = Files.newOutputStream(at)) {
            copy(in, out, size);
          }
          skipPadding(in, size);
          Files.setPosixFilePermissions(at, permissions(mode));
        }
        default -> skip(in, size);
      }
      if (type == 'L' || type == 'x') {
        skipPadding(in, size);
      }
    }
  }

  private static Path inside(Path root, String name) throws IOException {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root)) {
      throw new IOException("The archive entry " + name + " points outside " + root);
    }
    return p;
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      String kv = space < 0 ? record : record.substring(space + 1);
      if (kv.startsWith("path=")) {
        return kv.substring("path=".length());
      }
    }
    return null;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      p.add(PosixFilePermission.OWNER_EXECUTE);
      p.add(PosixFilePermission.GROUP_EXECUTE);
      p.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return p;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException("A truncated tar header");
    }
    return true;
  }

  private static byte[] readBytes(InputStream in, long size) throws IOException {
    byte[] b = in.readNBytes((int) size);
    if (b.length < size) {
      throw new EOFException("A truncated tar entry");
    }
    return b;
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[65536];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException("A truncated tar entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long size) throws IOException {
    in.skipNBytes(size);
    skipPadding(in, size);
  }

  private static void skipPadding(InputStream in, long size) throws IOException {
    long rest = size % BLOCK;
    if (rest != 0) {
      in.skipNBytes(BLOCK - rest);
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] b, int offset, int length) {
    int end = offset;
    while (end < offset + length && b[end] != 0) {
      end++;
    }
    return new String(b, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int offset, int length) {
    String s = text(b, offset, length).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }
}
