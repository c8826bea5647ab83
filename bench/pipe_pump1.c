/*
 * pipe_pump1.c - Unix domain socket throughput with 1 client connection
 * pumping 8 KiB writes into a server on the same loop that reads and
 * discards them: tcp_pump.h over uv_pipe_t.
 *
 * Run: make bench BENCH=pipe_pump1
 */
#define PUMP_PIPE 1
#include "tcp_pump.h"

int main(void) {
  return pump_main("pipe_pump1", 1);
}
