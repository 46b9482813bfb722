/* version.c — the library's version at run time (rl_version), which a
 * program compiled against another reportlint.h can compare with its
 * RL_VERSION / RL_VERSION_NUM. */
#include "reportlint.h"

const char *rl_version(void)
{
    return RL_VERSION;
}

int rl_version_num(void)
{
    return RL_VERSION_NUM;
}
