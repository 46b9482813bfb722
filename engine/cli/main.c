/* main.c — the reportlint command line (placeholder while the engine grows). */
#include "reportlint.h"

#include <stdio.h>

int main(void)
{
    printf("reportlint %s\n", RL_VERSION);
    return 0;
}
