/*
 * pipe_pump100.c - Unix domain socket throughput with 100 client connections
 * pumping 8 KiB writes into a server on the same loop that reads and
 * discards them: tcp_pump.h over uv_pipe_t.
 *
 * Run: make bench BENCH=pipe_pump100
 */
#define PUMP_PIPE 1
#include "tcp_pump.h"

int main(void) {
  return pump_main("pipe_pump100", 100);
}
