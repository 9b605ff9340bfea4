/*
 * ARM semihosting (the "Semihosting for AArch32 and AArch64" specification): the operation in
 * r0, a pointer to its argument block in r1, BKPT 0xAB on M-profile cores; QEMU answers them when
 * started with -semihosting-config enable=on.
 */
#include <string.h>
#include "semihosting.h"

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITE0 0x04
#define SYS_WRITE 0x05
#define SYS_READ 0x06
#define SYS_GET_CMDLINE 0x15
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

static int32_t semihost_call(int32_t operation, void *argument)
{
    register int32_t r0 __asm__("r0") = operation;
    register void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

int32_t semihost_open(const char *path, int32_t mode)
{
    uint32_t block[3] = { (uint32_t)path, (uint32_t)mode, (uint32_t)strlen(path) };
    return semihost_call(SYS_OPEN, block);
}

int32_t semihost_read(int32_t handle, void *buffer, int32_t count)
{
    uint32_t block[3] = { (uint32_t)handle, (uint32_t)buffer, (uint32_t)count };
    return semihost_call(SYS_READ, block);
}

int32_t semihost_write(int32_t handle, const void *buffer, int32_t count)
{
    uint32_t block[3] = { (uint32_t)handle, (uint32_t)buffer, (uint32_t)count };
    return semihost_call(SYS_WRITE, block);
}

int32_t semihost_close(int32_t handle)
{
    uint32_t block[1] = { (uint32_t)handle };
    return semihost_call(SYS_CLOSE, block);
}

int32_t semihost_command_line(char *buffer, int32_t size)
{
    uint32_t block[2] = { (uint32_t)buffer, (uint32_t)size };
    return semihost_call(SYS_GET_CMDLINE, block);
}

void semihost_write0(const char *text)
{
    semihost_call(SYS_WRITE0, (void *)text);
}

void semihost_exit(int32_t code)
{
    uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code };
    for (;;) semihost_call(SYS_EXIT_EXTENDED, block);
}
