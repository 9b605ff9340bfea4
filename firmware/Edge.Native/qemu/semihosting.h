/* The ARM semihosting calls the test program needs: files, the command line and exit. */
#ifndef SEMIHOSTING_H
#define SEMIHOSTING_H

#include <stdint.h>

int32_t semihost_open(const char *path, int32_t mode);   /* mode 1: read binary, 5: write binary */
int32_t semihost_read(int32_t handle, void *buffer, int32_t count);   /* bytes NOT read */
int32_t semihost_write(int32_t handle, const void *buffer, int32_t count);   /* bytes NOT written */
int32_t semihost_close(int32_t handle);
int32_t semihost_command_line(char *buffer, int32_t size);
void semihost_write0(const char *text);
__attribute__((noreturn)) void semihost_exit(int32_t code);

#endif
