package dev.renacer.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The libc calls behind -y and -yy, made while a tracee is stopped (and the PM QoS request's): direct mapping with primitive
 * arrays (a JNI call each, no allocation). Failures are told by the return value only.
 */
final class DescriptorLibC {
    static {
        Native.register(DescriptorLibC.class, NativeLibrary.getInstance(LibC.LIBRARY)); // the class named: see LibC
    }

    private DescriptorLibC() {}

    static native long readlink(byte[] path, byte[] buffer, long size);

    /** stat(2) into a byte array of {@link FileStatus#SIZE} bytes. */
    static native int stat(byte[] path, byte[] buffer);

    static native int lstat(byte[] path, byte[] buffer);

    static native long getxattr(byte[] path, byte[] name, byte[] value, long size);

    static native int open(byte[] path, int flags);

    static native long read(int fd, byte[] buffer, long count);

    static native long write(int fd, byte[] buffer, long count);

    static native int close(int fd);

    static native int socket(int domain, int type, int protocol);

    static native long send(int fd, byte[] buffer, long length, int flags);

    static native long recv(int fd, byte[] buffer, long length, int flags);
}
