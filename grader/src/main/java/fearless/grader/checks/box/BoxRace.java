package fearless.grader.checks.box;

/** Threads contending for the same boxes, one round: what the racing-moves and racing-closes checks share. */
interface BoxRace {

    /** Thread {@code thread}'s part of the round. */
    void play(int thread);

    /** Fails unless every box ended as the rules say, once all {@code threads} are done. */
    void verify(int threads);

    /** How many steps the threads really ran at the same moment. */
    int closeSteps();
}
