/*
 * Reset and fault vectors of the bare-metal test program: copy initialised data, clear the
 * rest, run main, and leave QEMU through semihosting with main's result. A fault ends the run
 * with a distinct exit code instead of hanging the test.
 */
#include <stdint.h>
#include <string.h>
#include "semihosting.h"

extern uint32_t _data_load, _data_start, _data_end, _bss_start, _bss_end, _stack_top;
int main(void);

#define EXIT_FAULT 90

void reset_handler(void)
{
    memcpy(&_data_start, &_data_load, (size_t)((char *)&_data_end - (char *)&_data_start));
    memset(&_bss_start, 0, (size_t)((char *)&_bss_end - (char *)&_bss_start));
    semihost_exit(main());
}

static void fault_handler(void)
{
    semihost_write0("edge-native harness: processor fault\n");
    semihost_exit(EXIT_FAULT);
}

/* Initial stack pointer, reset, then NMI, hard, memory, bus and usage faults; the remaining
 * exceptions are never enabled here. */
__attribute__((section(".vectors"), used)) static void *const vectors[] = {
    &_stack_top,
    (void *)reset_handler,
    (void *)fault_handler,
    (void *)fault_handler,
    (void *)fault_handler,
    (void *)fault_handler,
    (void *)fault_handler,
};
