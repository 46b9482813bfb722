/* collection_api.c — the public entry points of collection rules
 * (reportlint.h): judging a result's collection state. Partial states are
 * in collection_partial.c. */
#include "collection.h"

RL_API int rl_result_judge(const rl_rules *rules, const rl_check_opts *opts, rl_result *res)
{
    if (!rules || !res || !rl_check_opts_known(opts))
        return -1;
    if (!rules->n_coll)
        return 0;
    return rl_coll_judge(rules, opts, res);
}

RL_API size_t rl_rules_collection_count(const rl_rules *rules)
{
    return rules ? rules->n_coll : 0;
}
